// TRUSTED_DOCUMENTS decides which operations run: under "only" a known document (by id, by
// Apollo's persisted-query hash, or by its text in any layout) and nothing else; under
// "allow-unknown" known ids and any text; under "ignore" text alone. The manifest is the one the
// build wrote from the pages' and the CLI's documents (web/generated/persisted-documents.json).
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TrustedDocumentsMode } from "../../src/config/config.ts";
import { documentIdOf, readTrustedDocuments } from "../../src/graphql/trustedDocuments/trustedDocumentsManifest.ts";
import { BRAND_LIST } from "../../web/explorer/queries.ts";
import { exampleTabs } from "../../web/playground/exampleTabs.ts";
import { openSubscriptionSocket } from "../support/subscriptionClient.ts";
import { createTestDeps, startTestGateway, type TestGateway } from "../support/testDeps.ts";

const manifest = readTrustedDocuments()!;
const [knownId] = [...manifest].find(([, text]) => text.startsWith("query ExplorerBrands"))!;
const UNKNOWN_TEXT = "query Anything { brands(first: 1) { edges { node { id } } } }";
const UNKNOWN_ID = `sha256:${"0".repeat(64)}`;

async function post(gateway: TestGateway, body: unknown) {
  const res = await fetch(`${gateway.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

async function get(gateway: TestGateway, params: Record<string, string>) {
  const res = await fetch(`${gateway.url}/graphql?${new URLSearchParams(params)}`, { headers: { "apollo-require-preflight": "true" } });
  return { status: res.status, body: await res.json() };
}

const answered = ({ status, body }: { status: number; body: any }) => status === 200 && Array.isArray(body.data?.brands?.edges) && !body.errors;
const codeOf = ({ body }: { body: any }) => body.errors?.[0]?.extensions?.code;

function gatewayIn(mode: TrustedDocumentsMode) {
  const handle = { gateway: undefined as unknown as TestGateway };
  beforeAll(async () => {
    handle.gateway = await startTestGateway(createTestDeps({ config: { trustedDocuments: mode } }));
  });
  afterAll(async () => handle.gateway?.close());
  return handle;
}

describe("the trusted-documents manifest", () => {
  it("holds the explorer's and the CLI's operations under their sha256 ids", () => {
    const names = [...manifest.values()].map((text) => /^(query|mutation) (\w+)/.exec(text)?.[2]);
    expect(names).toEqual(expect.arrayContaining(["ExplorerBrands", "ExplorerBrand", "ExplorerColor", "Backfill", "Reconcile"]));
    for (const id of manifest.keys()) expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe("TRUSTED_DOCUMENTS=only", () => {
  const at = gatewayIn("only");

  it("runs a known document sent by its id, over POST and GET", async () => {
    expect(answered(await post(at.gateway, { documentId: knownId }))).toBe(true);
    expect(answered(await get(at.gateway, { documentId: knownId }))).toBe(true);
  });

  it("runs a known document sent as Apollo's persisted-query hash", async () => {
    const extensions = { persistedQuery: { version: 1, sha256Hash: knownId.slice("sha256:".length) } };
    expect(answered(await post(at.gateway, { extensions }))).toBe(true);
  });

  it("runs every playground tab as the playground sends it, comments and all", async () => {
    for (const tab of exampleTabs) {
      expect(manifest.has(documentIdOf(tab.query)), tab.query.split("\n")[0]).toBe(true);
      if (tab.query.includes("subscription ")) continue; // over WebSocket; its admission is the same manifest lookup
      const variables = tab.variables ? JSON.parse(tab.variables) : {};
      const { status, body } = await post(at.gateway, { query: tab.query, variables });
      expect(codeOf({ body }), tab.query.split("\n")[0]).not.toBe("OPERATION_NOT_TRUSTED");
      expect(status, tab.query.split("\n")[0]).toBe(200);
    }
  });

  it("holds subscriptions over WebSocket to the same rule: the playground's live tab runs, other text is OPERATION_NOT_TRUSTED", async () => {
    const live = exampleTabs.find((tab) => tab.query.includes("subscription "))!;
    const socket = openSubscriptionSocket(at.gateway.url, undefined);
    try {
      await socket.acknowledged;
      const known = socket.subscribe(live.query);
      const unknown = socket.subscribe("subscription Anything { graphChanged { eventId } }");
      // The server answers a socket's subscribe messages in order: once the second is refused, the first was admitted.
      const refused = await socket.take(unknown);
      expect(refused).toMatchObject({ type: "error", payload: [{ extensions: { code: "OPERATION_NOT_TRUSTED" } }] });
      expect(socket.messages.filter((m) => m.id === known)).toEqual([]);
    } finally {
      socket.close();
    }
  });

  it("runs a known document's text, in the client's own layout", async () => {
    expect(answered(await post(at.gateway, { query: print(BRAND_LIST) }))).toBe(true);
    expect(answered(await post(at.gateway, { query: manifest.get(knownId) }))).toBe(true);
  });

  it("refuses any other text with 400 OPERATION_NOT_TRUSTED, over POST and GET, before it runs", async () => {
    for (const reply of [await post(at.gateway, { query: UNKNOWN_TEXT }), await get(at.gateway, { query: UNKNOWN_TEXT }), await post(at.gateway, { query: "{ not graphql" })]) {
      expect(reply.status).toBe(400);
      expect(codeOf(reply)).toBe("OPERATION_NOT_TRUSTED");
      expect(reply.body.data).toBeUndefined();
    }
  });

  it("refuses an unknown id with PERSISTED_QUERY_NOT_FOUND, whatever text rides along", async () => {
    const reply = await post(at.gateway, { documentId: UNKNOWN_ID, query: UNKNOWN_TEXT });
    expect(reply.status).toBe(400);
    expect(codeOf(reply)).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  it("runs the manifest's text for a known id, never the text sent beside it", async () => {
    const reply = await post(at.gateway, { documentId: knownId, query: "mutation { deleteBrand(id: \"x\") }" });
    expect(answered(reply)).toBe(true);
  });
});

describe("TRUSTED_DOCUMENTS=allow-unknown (the default outside production)", () => {
  const at = gatewayIn("allow-unknown");

  it("runs known ids and any text", async () => {
    expect(answered(await post(at.gateway, { documentId: knownId }))).toBe(true);
    expect(answered(await post(at.gateway, { query: UNKNOWN_TEXT }))).toBe(true);
  });

  it("refuses an unknown id with PERSISTED_QUERY_NOT_FOUND", async () => {
    expect(codeOf(await post(at.gateway, { documentId: UNKNOWN_ID }))).toBe("PERSISTED_QUERY_NOT_FOUND");
  });
});

describe("TRUSTED_DOCUMENTS=ignore", () => {
  const at = gatewayIn("ignore");

  it("runs any text", async () => {
    expect(answered(await post(at.gateway, { query: UNKNOWN_TEXT }))).toBe(true);
  });

  it("answers a document id with PERSISTED_QUERY_NOT_SUPPORTED, so a client sends the text instead", async () => {
    const reply = await post(at.gateway, { documentId: knownId });
    expect(reply.status).toBe(400);
    expect(codeOf(reply)).toBe("PERSISTED_QUERY_NOT_SUPPORTED");
  });
});

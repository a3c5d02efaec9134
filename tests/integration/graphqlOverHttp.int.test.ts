// Malformed requests behave as the GraphQL-over-HTTP spec says, checked by graphql-http's own
// server audit (with a valid bearer token, so authentication is not what answers).
import { serverAudits } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintToken } from "../../src/auth/mintToken.ts";
import { createTokenVerifier } from "../../src/auth/tokenVerifier.ts";
import { createTestDeps, startTestGateway, type TestGateway } from "../support/testDeps.ts";

const SECRET = "graphql-over-http-audit-secret-32chars";
let gateway: TestGateway;
let token: string;

beforeAll(async () => {
  const verifyToken = createTokenVerifier({ key: { kind: "secret", secret: SECRET }, issuer: undefined, audience: undefined });
  gateway = await startTestGateway(createTestDeps({ verifyToken }));
  token = await mintToken(SECRET, { organizationId: "audit-org", role: "viewer" });
});
afterAll(() => gateway.close());

const audits = serverAudits({
  url: () => `${gateway.url}/graphql`,
  fetchFn: (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    headers.set("authorization", `Bearer ${token}`);
    return fetch(input, { ...init, headers });
  },
});

describe("the GraphQL-over-HTTP audit", () => {
  for (const audit of audits.filter((a) => a.name.startsWith("MUST"))) {
    it(audit.name, async () => {
      const result = await audit.fn();
      expect(result.status, "reason" in result ? result.reason : "").toBe("ok");
    });
  }

  it("answers an oversized body with 413 instead of buffering it", async () => {
    const res = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `{ health { postgres } }`, padding: "x".repeat(1_100_000) }),
    });
    expect(res.status).toBe(413);
  });
});

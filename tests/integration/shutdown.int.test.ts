// SIGTERM under load: the gateway stops accepting, answers every request it accepted, lets its
// drainer finish its pass and exits 0, leaving no outbox event held by a pass it abandoned.
import http from "node:http";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { mintToken } from "../../src/auth/mintToken.ts";
import { createPrisma } from "../../src/postgres/createPrisma.ts";
import { createIsolatedDatabase } from "../support/isolatedDatabase.ts";
import { startGatewayProcess } from "../support/gatewayProcess.ts";
import { createTestDeps } from "../support/testDeps.ts";
import { workerStack } from "../support/workerStack.ts";

const SECRET = "shutdown-test-secret-of-32-chars!!!!";
const CLIENTS = 8;

interface Outcome {
  readonly at: number;
  readonly status?: number;
  readonly errors?: unknown;
  readonly connectionError?: string;
}

/** One request on a connection of its own, so a refused connection is told from a cut one. */
function post(url: string, token: string, body: unknown, headers: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = http.request(`${url}/graphql`, {
      method: "POST",
      agent: false,
      headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...headers },
    });
    req.on("response", (res) => {
      let text = "";
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve({ at: Date.now(), status: res.statusCode, errors: (JSON.parse(text) as { errors?: unknown }).errors }));
    });
    req.on("error", (error: NodeJS.ErrnoException) => resolve({ at: Date.now(), connectionError: error.code ?? error.message }));
    req.end(JSON.stringify(body));
  });
}

describe("graceful shutdown", () => {
  it("answers every accepted query and mutation after SIGTERM, exits 0 and leaves no event held", async () => {
    const databaseUrl = await createIsolatedDatabase("shutdown");
    const prisma = createPrisma(databaseUrl);
    const organization = await prisma.organization.create({ data: { name: `Shutdown ${randomUUID()}` } });
    const token = await mintToken(SECRET, { organizationId: organization.id, role: "editor" });
    const gateway = startGatewayProcess({
      NODE_ENV: "production",
      // The load below is ad-hoc operations; production would run only the manifest's (trustedDocuments.int.test.ts).
      TRUSTED_DOCUMENTS: "allow-unknown",
      DATABASE_URL: databaseUrl,
      NEO4J_URI: workerStack().neo4jUri,
      AUTH_JWT_SECRET: SECRET,
      PORT: "0",
      SHUTDOWN_GRACE_MS: "30000",
      LOG_LEVEL: "info",
    });
    const outcomes: Outcome[] = [];
    try {
      const url = await gateway.url();
      let stop = false;
      const client = async (n: number) => {
        for (let i = 0; !stop; i++) {
          const outcome =
            i % 2 === 0
              ? await post(url, token, { query: `{ brands(organizationId: "${organization.id}", first: 5) { edges { node { id name colors { hex } } } } }` })
              : await post(
                  url,
                  token,
                  {
                    query: "mutation($input: CreateBrandInput!) { createBrand(input: $input) { id } }",
                    variables: { input: { organizationId: organization.id, name: `Brand ${n}-${i}`, colors: [{ hex: "#112233" }] } },
                  },
                  // Some wait for the graph: the longest requests a drain has to let finish.
                  i % 4 === 1 ? { "x-graph-sync": "wait" } : {},
                );
          outcomes.push(outcome);
          if (outcome.connectionError) return;
        }
      };
      const clients = Array.from({ length: CLIENTS }, (_, n) => client(n));
      while (outcomes.filter((o) => o.status).length < 40) await new Promise((r) => setTimeout(r, 50));
      gateway.child.kill("SIGTERM");
      // Every client ends at its first refused connection; a client still answered after the grace
      // period would be a hang, which the test's timeout reports.
      await Promise.all(clients);
      stop = true;
      expect(await gateway.exited).toBe(0);

      const closedAt = gateway.logLines().find((line) => line.msg === "listener closed")!.closedAt as number;
      const drained = gateway.logLines().find((line) => line.msg === "requests drained") as { accepted: number; answered: number; cut: number };
      const answered = outcomes.filter((o) => o.status !== undefined);
      const failed = outcomes.filter((o) => o.connectionError !== undefined);
      // Sent and accepted = answered, on both sides; refusals come only once the listener closed.
      expect(drained.cut).toBe(0);
      expect(drained.answered).toBe(drained.accepted);
      expect(answered).toHaveLength(drained.accepted);
      expect(failed.filter((o) => o.at < closedAt)).toEqual([]);
      expect(answered.every((o) => o.status === 200 && o.errors === undefined)).toBe(true);
      // The drain had something to wait for: requests in flight at the signal were answered after it.
      expect(answered.filter((o) => o.at >= closedAt).length).toBeGreaterThan(0);

      // No pass left an event held or marked failed: another drainer claims and applies every one.
      const stuck = await prisma.syncEvent.count({ where: { appliedAt: null, attempts: { gt: 0 } } });
      expect(stuck).toBe(0);
      const deps = createTestDeps({ databaseUrl });
      try {
        while ((await deps.sync.drainer!.drainOnce()).claimed > 0);
        expect(await prisma.syncEvent.count({ where: { appliedAt: null } })).toBe(0);
        const brands = await prisma.brand.findMany({ where: { organizationId: organization.id }, select: { id: true } });
        const { records } = await deps.graph!.driver.executeQuery(
          "MATCH (b:Brand) WHERE b.brand_id IN $ids RETURN count(b) AS n",
          { ids: brands.map((b) => b.id) },
          { database: deps.graph!.database },
        );
        expect(records[0]!.get("n")).toBe(brands.length);
      } finally {
        await deps.close();
      }
    } finally {
      await gateway.stop();
      await prisma.$disconnect();
    }
  }, 240_000);
});

// A gateway started while its graph was away: it serves Postgres at once, prepares the graph (the
// compatibility check, constraints and indexes) the moment the graph answers, and only then lets its
// drainer apply the events that waited in the outbox.
import net from "node:net";
import { describe, expect, it } from "vitest";
import neo4j from "neo4j-driver";
import { ensureGraphSchema } from "../../src/graph/ensureGraphSchema.ts";
import { createIsolatedDatabase } from "../support/isolatedDatabase.ts";
import { startGatewayProcess } from "../support/gatewayProcess.ts";
import { eventually, outboxRows } from "../support/outbox.ts";
import { newScope, syncedWrites } from "../support/syncedWrites.ts";
import { createTestDeps } from "../support/testDeps.ts";
import { workerStack } from "../support/workerStack.ts";

// An index only (no constraint), so dropping it for a moment slows other tests at worst.
const INDEX = "received_feedback_action";

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** A TCP forwarder to the test Neo4j, opened on `port` when the graph is to "come back". */
function boltForwarder(port: number, target: URL) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("error", () => {});
      s.on("close", () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  return {
    open: () => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve)),
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

describe("a graph that was away at start", () => {
  it("is prepared as soon as it answers, before the drainer applies the events that waited", async () => {
    const driver = neo4j.driver(workerStack().neo4jUri, neo4j.auth.basic("neo4j", process.env.TEST_NEO4J_PASSWORD ?? ""));
    const indexExists = async () =>
      (await driver.executeQuery(`SHOW INDEXES YIELD name WHERE name = $name RETURN name`, { name: INDEX }, { database: "neo4j" })).records.length > 0;
    const databaseUrl = await createIsolatedDatabase("late_graph");
    const writer = createTestDeps({ databaseUrl, neo4jUri: null });
    const port = await freePort();
    const forwarder = boltForwarder(port, new URL(workerStack().neo4jUri.replace(/^\w+:/, "http:")));
    const gateway = startGatewayProcess({
      NODE_ENV: "production",
      // Ad-hoc operations below; production would run only the manifest's (trustedDocuments.int.test.ts).
      TRUSTED_DOCUMENTS: "allow-unknown",
      DATABASE_URL: databaseUrl,
      NEO4J_URI: `bolt://127.0.0.1:${port}`,
      AUTH_JWT_SECRET: "late-graph-test-secret-of-32-chars!!",
      PORT: "0",
      LOG_LEVEL: "info",
      GRAPH_SYNC_POLL_INTERVAL_MS: "200",
    });
    try {
      await driver.executeQuery(`DROP INDEX ${INDEX} IF EXISTS`, {}, { database: "neo4j" });
      const writes = syncedWrites(writer, newScope());
      const org = await writes.createOrganization();
      const brand = await writes.createBrand({ organizationId: org.id });

      await gateway.url();
      expect(gateway.logLines().filter((l) => String(l.msg).startsWith("graph unavailable"))).toHaveLength(1);
      // Held: with no graph there is nothing to apply to, and no constraint to protect a MERGE.
      await new Promise((r) => setTimeout(r, 2_000));
      expect((await outboxRows(writer.prisma, brand.eventIds)).every((r) => r.appliedAt === null && r.attempts === 0)).toBe(true);

      await forwarder.open();
      await eventually(() => outboxRows(writer.prisma, brand.eventIds), (rows) => rows.every((r) => r.appliedAt !== null), 90_000);
      expect(await indexExists()).toBe(true);
      const messages = gateway.logLines().map((l) => l.msg);
      expect(messages.indexOf("graph connected")).toBeGreaterThan(-1);
      expect(messages.indexOf("graph connected")).toBeLessThan(messages.indexOf("graph_projection_applied"));
      const { records } = await driver.executeQuery("MATCH (b:Brand {brand_id: $id}) RETURN count(b) AS n", { id: brand.id }, { database: "neo4j" });
      expect(records[0]!.get("n").toNumber()).toBe(1);
    } finally {
      expect(await gateway.stop()).toBe(0);
      await forwarder.close();
      await ensureGraphSchema(driver, "neo4j");
      await driver.close();
      await writer.close();
    }
  }, 240_000);
});

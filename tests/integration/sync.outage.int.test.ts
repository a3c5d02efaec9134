// A real outage: a Neo4j of this test's own (spare port, its own home under .data/) is stopped
// while hundreds of mixed writes run, then started again on the same store. Every write succeeds on
// Postgres, and the graph converges to exactly what a rebuild from Postgres gives. The drainer here
// only ever touches this test's events: its Neo4j is not the one the other tests read.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.ts";
import { ensureGraphSchema } from "../../src/graph/ensureGraphSchema.ts";
import { startLocalNeo4j, stopLocalNeo4j } from "../../src/stack/localNeo4j.ts";
import { dataDir } from "../../src/stack/paths.ts";
import { warmProjectionCypher } from "../../src/projector/warmProjectionCypher.ts";
import { expectedGraphSlice, readGraphSlice } from "../support/graphSlice.ts";
import { drainUntilApplied, eventually, outboxRows } from "../support/outbox.ts";
import { newScope, syncedWrites, uniqueHex } from "../support/syncedWrites.ts";
import { createTestDeps, type TestDeps } from "../support/testDeps.ts";
import { testStack } from "../support/testStack.ts";

const ownNeo4j = (() => {
  const port = testStack().neo4jPort + 100;
  return { port, home: path.join(dataDir, `neo4j-sync-outage-${port}`) };
})();
const ROUNDS = 30;

let deps: TestDeps;
beforeAll(async () => {
  const { uri } = await startLocalNeo4j(ownNeo4j);
  const settings = { ...loadConfig({}).graphSync, retryBaseMs: 20, retryMaxMs: 500 };
  deps = createTestDeps({ config: { graphSync: settings }, neo4jUri: uri });
  await ensureGraphSchema(deps.graph!.driver, deps.graph!.database);
  await warmProjectionCypher(deps.graph!);
}, 240_000);
afterAll(async () => {
  await deps?.close();
  await stopLocalNeo4j(ownNeo4j);
});

describe("a real Neo4j outage", () => {
  it("loses no write and converges once Neo4j is back", { timeout: 240_000 }, async () => {
    const scope = newScope();
    const writes = syncedWrites(deps, scope);
    const hexes = Array.from({ length: 8 }, () => uniqueHex(scope));
    const org = await writes.createOrganization();
    const before = await writes.createBrand({ organizationId: org.id, name: "Before", colors: [{ hex: hexes[0]!, name: "zero" }] });
    await drainUntilApplied(deps.sync.drainer!, deps.prisma, before.eventIds);

    await stopLocalNeo4j(ownNeo4j);
    let mutations = 0;
    const live: string[] = [before.id];
    for (let round = 0; round < ROUNDS; round++) {
      const hex = (k: number) => hexes[(round + k) % hexes.length]!;
      const brand = await writes.createBrand({ organizationId: org.id, name: `R${round}`, colors: [{ hex: hex(1), name: `n${round}` }] });
      const asset = await writes.createAsset({ brandId: brand.id, colors: [{ hex: hex(2), coverage: 0.5 }, { hex: hex(3), coverage: 0.5 }] });
      await writes.recordFeedback({ assetId: asset.id, action: round % 3 ? "approve" : "reject" });
      await writes.createTemplate({ brandId: brand.id, sourceAssetId: asset.id });
      await writes.updateBrand(live[round % live.length]!, { name: `U${round}`, colors: [{ hex: hex(4), name: `u${round}` }] });
      await writes.updateAsset(asset.id, { status: "approved", colors: [{ hex: hex(5), coverage: 1 }] });
      mutations += 6;
      if (round % 4 === 3) {
        await writes.deleteAsset(asset.id);
        mutations += 1;
      }
      if (round % 5 === 4) {
        await writes.deleteBrand(live.pop()!);
        mutations += 1;
      }
      live.push(brand.id);
    }
    expect(mutations).toBeGreaterThan(180);

    const during = await outboxRows(deps.prisma, scope.eventIds);
    const graphEvents = during.filter((e) => e.entityType !== "organization" && !before.eventIds.includes(e.id));
    expect(graphEvents.every((e) => e.appliedAt === null)).toBe(true);
    expect(graphEvents.some((e) => e.attempts > 0 && e.lastError !== null)).toBe(true);

    await startLocalNeo4j(ownNeo4j);
    await eventually(
      async () => {
        await deps.sync.drainer!.drainOnce(scope.eventIds);
        return outboxRows(deps.prisma, scope.eventIds);
      },
      (rows) => rows.every((r) => r.appliedAt !== null),
      120_000,
    );
    expect(await readGraphSlice(deps.graph!, scope)).toEqual(await expectedGraphSlice(deps.prisma, scope));
  });
});

// Two gateway processes (each its own Postgres pool and Neo4j driver) draining one outbox while
// writes keep arriving: every event is applied once, one entity is never projected by both at
// the same time, and the graph ends exactly where Postgres is.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedGraphSlice, readGraphSlice } from "../support/graphSlice.ts";
import { outboxRows } from "../support/outbox.ts";
import { racingDrainers } from "../support/racingDrainers.ts";
import { newScope, syncedWrites, uniqueHex } from "../support/syncedWrites.ts";
import type { TestDeps } from "../support/testDeps.ts";

let writer: TestDeps;
let first: TestDeps;
let second: TestDeps;
beforeAll(() => {
  ({ writer, first, second } = racingDrainers({ batchSize: 7 }));
});
afterAll(async () => {
  for (const deps of [writer, first, second]) await deps.close();
});

describe("two drainers on one outbox", () => {
  it("share the work, apply every event and converge on Postgres while writes keep coming", async () => {
    const scope = newScope();
    const writes = syncedWrites(writer, scope);
    const hexes = Array.from({ length: 6 }, () => uniqueHex(scope));
    const org = await writes.createOrganization();
    let writing = true;

    const writeLoad = (async () => {
      const brands: string[] = [];
      const deleted = new Set<string>();
      for (let round = 0; round < 12; round++) {
        const brand = await writes.createBrand({
          organizationId: org.id,
          name: `B${round}`,
          colors: [{ hex: hexes[round % 6]!, name: `n${round}` }, { hex: hexes[(round + 1) % 6]!, name: `m${round}` }],
        });
        brands.push(brand.id);
        const asset = await writes.createAsset({ brandId: brand.id, colors: [{ hex: hexes[(round + 2) % 6]!, coverage: round / 12 }] });
        await writes.recordFeedback({ assetId: asset.id, action: round % 2 ? "approve" : "reject" });
        const older = brands[round >> 1]!;
        if (!deleted.has(older)) {
          await writes.updateBrand(older, { name: `B${round} renamed`, colors: [{ hex: hexes[(round + 3) % 6]!, name: `r${round}` }] });
        }
        if (round % 4 === 3) {
          deleted.add(brands[round - 1]!);
          await writes.deleteBrand(brands[round - 1]!);
        }
        if (round % 3 === 2) await writes.deleteAsset(asset.id);
      }
      writing = false;
    })();
    const drain = async (deps: TestDeps) => {
      let applied = 0;
      for (;;) {
        const pending = (await outboxRows(deps.prisma, scope.eventIds)).filter((e) => e.appliedAt === null);
        if (!writing && pending.length === 0) return applied;
        applied += (await deps.sync.drainer!.drainOnce(pending.map((e) => e.id))).applied;
      }
    };

    const [, appliedByFirst, appliedBySecond] = await Promise.all([writeLoad, drain(first), drain(second)]);

    expect(appliedByFirst).toBeGreaterThan(0);
    expect(appliedBySecond).toBeGreaterThan(0);
    expect((await outboxRows(writer.prisma, scope.eventIds)).every((e) => e.appliedAt !== null)).toBe(true);
    expect(await readGraphSlice(first.graph!, scope)).toEqual(await expectedGraphSlice(writer.prisma, scope));
  });
});

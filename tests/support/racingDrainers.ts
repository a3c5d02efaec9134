// A writer that only fills the outbox, and two drainers (each a gateway's own Postgres pool and
// Neo4j driver) racing for it, retrying quickly so a race test spends its time racing.
import { loadConfig, type Config } from "../../src/config/config.ts";
import { outboxRows } from "./outbox.ts";
import type { TestScope } from "./syncedWrites.ts";
import { createTestDeps, type TestDeps } from "./testDeps.ts";

export interface RacingDrainers {
  readonly writer: TestDeps;
  readonly first: TestDeps;
  readonly second: TestDeps;
}

export function racingDrainers({ batchSize, config = {} }: { batchSize: number; config?: Partial<Config> }): RacingDrainers {
  const settings = { ...loadConfig({}).graphSync, retryBaseMs: 10, retryMaxMs: 50, batchSize };
  return {
    writer: createTestDeps({ config: { graphSyncEnabled: false } }),
    first: createTestDeps({ config: { ...config, graphSync: settings } }),
    second: createTestDeps({ config: { ...config, graphSync: settings } }),
  };
}

/** Both drainers apply the scope's pending events, racing, until none is left once `isWriting()` turns false. */
export async function drainRacing({ first, second }: RacingDrainers, scope: TestScope, isWriting: () => boolean): Promise<void> {
  const drain = async (deps: TestDeps) => {
    for (;;) {
      const pending = (await outboxRows(deps.prisma, scope.eventIds)).filter((e) => e.appliedAt === null);
      if (!isWriting() && pending.length === 0) return;
      await deps.sync.drainer!.drainOnce(pending.map((e) => e.id));
    }
  };
  await Promise.all([drain(first), drain(second)]);
}

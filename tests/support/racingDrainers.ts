// A writer that only fills the outbox, and two drainers (each a gateway's own Postgres pool and
// Neo4j driver) racing for it, retrying quickly so a race test spends its time racing.
import { loadConfig } from "../../src/config/config.ts";
import { createTestDeps, type TestDeps } from "./testDeps.ts";

export interface RacingDrainers {
  readonly writer: TestDeps;
  readonly first: TestDeps;
  readonly second: TestDeps;
}

export function racingDrainers({ batchSize }: { batchSize: number }): RacingDrainers {
  const settings = { ...loadConfig({}).graphSync, retryBaseMs: 10, retryMaxMs: 50, batchSize };
  return {
    writer: createTestDeps({ config: { graphSyncEnabled: false } }),
    first: createTestDeps({ config: { graphSync: settings } }),
    second: createTestDeps({ config: { graphSync: settings } }),
  };
}

// What `npm start` does with an empty database: seed the demo set, then wait, bounded, until the
// drainer has applied its events, so a page opened after "gateway serving" already shows the demo's
// graph (colors, similar brands, pairings) instead of nulls for the seconds the sync takes. A graph
// slower than the bound does not hold the start: the gateway serves, says so in the log, and
// /ready answers 503 with `graphCatchingUp: true` until the demo data is in the graph.
import type { Logger } from "pino";
import type { GatewayDeps } from "../gateway/gatewayDeps.ts";
import { countUnapplied } from "../outbox/settleEvents.ts";
import type { Drainer } from "../sync/drainer.ts";
import { seedDemoEventsIfEmpty, type DemoSummary } from "./seedDemo.ts";

/** How long a start waits for the demo data to reach the graph (it takes well under a second locally). */
export const DEMO_GRAPH_WAIT_MS = 30_000;

/** Outbox events the graph has yet to apply; readiness asks it (src/health/readiness.ts). */
export interface GraphCatchUp {
  /** True while any of the events is unapplied; once false, stays false without asking again. */
  pending(): Promise<boolean>;
}

export interface SeededDemo {
  readonly summary: DemoSummary;
  /** Null when the demo data is in the graph, or no graph will apply it (sync off, no graph). */
  readonly catchUp: GraphCatchUp | null;
}

export interface SeedIntoGraphOptions {
  /** The drainer that applies the events; null when the sync is off or there is no graph. */
  readonly drainer: Drainer | null;
  /** Whether the graph answered and was prepared at start; if not, there is nothing to wait for yet. */
  readonly graphPrepared: boolean;
  readonly timeoutMs?: number;
}

/** Seeds an empty database and waits for the graph; null when the database had data. */
export async function seedDemoIntoGraph(
  deps: Pick<GatewayDeps, "prisma" | "sql" | "sync">,
  logger: Logger,
  { drainer, graphPrepared, timeoutMs = DEMO_GRAPH_WAIT_MS }: SeedIntoGraphOptions,
): Promise<SeededDemo | null> {
  const { result: summary, eventIds } = await seedDemoEventsIfEmpty(deps);
  if (!summary) return null;
  logger.info(summary, "database was empty: seeded the demo data set");
  if (!drainer) return { summary, catchUp: null };
  const started = performance.now();
  const applied = graphPrepared && (await drainer.waitUntilApplied(eventIds, timeoutMs).catch(() => false));
  const waitedMs = Math.round(performance.now() - started);
  if (applied) {
    logger.info({ events: eventIds.length, waitedMs }, "demo data is in the graph");
    return { summary, catchUp: null };
  }
  logger.warn({ events: eventIds.length, waitedMs }, "the graph is still catching up on the demo data: graph fields may answer empty or null until it has (see /ready)");
  return { summary, catchUp: graphCatchUp(deps, eventIds) };
}

function graphCatchUp({ sql }: Pick<GatewayDeps, "sql">, eventIds: readonly bigint[]): GraphCatchUp {
  let caughtUp = false;
  return {
    async pending() {
      if (!caughtUp) caughtUp = (await countUnapplied(sql, eventIds)) === 0;
      return !caughtUp;
    },
  };
}

import type { BenchNetwork } from "../benchStores.ts";
import type { Check, SuiteResult } from "../suite.ts";

export const SUITE_NAMES = ["backfill", "nestedCrud", "relationshipQueries", "sync", "colorExtraction", "patterns", "subscriptions"] as const;
export type SuiteName = (typeof SUITE_NAMES)[number];

/** bench/results.json: one run of `npm run bench`, everything docs/performance.md and the README summary are rendered from. */
export interface BenchResults {
  readonly date: string;
  readonly command: string;
  readonly smoke: boolean;
  readonly durationSeconds: number;
  readonly machine: {
    readonly cpus: number;
    readonly cpuModel: string;
    readonly memoryGb: number;
    readonly os: string;
    /** The shared machine's 1-minute load average at the start and the end of the run. */
    readonly loadAverage: { readonly start: number; readonly end: number };
  };
  /** Set when the run put the databases across a delay link (`--rtt-ms`); absent or null on loopback. */
  readonly network?: BenchNetwork | null;
  readonly versions: Readonly<Record<"node" | "postgres" | "neo4j" | "prisma" | "neo4jGraphql" | "apolloServer" | "commit", string>>;
  readonly datasets: ReadonlyArray<{
    readonly preset: string;
    readonly rows: number;
    readonly generateSeconds: number;
    readonly backfill: { readonly seconds: number; readonly nodes: number; readonly relationships: number } | null;
  }>;
  readonly suites: Partial<Record<SuiteName, SuiteResult & { readonly seconds: number }>>;
}

export function allChecks(results: BenchResults): Check[] {
  return SUITE_NAMES.flatMap((name) => results.suites[name]?.checks ?? []);
}

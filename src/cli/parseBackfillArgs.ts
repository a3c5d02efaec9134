// The backfill CLI's arguments (the seed plan's interface plus the gateway to call). Pure, so the
// usage rules are checked without a process: exactly one of --dry-run and --execute.
import { parseArgs } from "node:util";

export const USAGE = `Usage: npm run backfill -- (--dry-run | --execute) [options]

Rebuilds (or, with --reconcile, compares and repairs) the Neo4j graph from Postgres through the
gateway's backfillGraph / reconcileGraph mutations, one short request per window of batches.

  --dry-run              report what would change; write nothing
  --execute              write the graph
  --reconcile            also find extra nodes/relationships and Color drift; report counts per label
  --entities LIST        comma-separated: brand,asset,feedback,template (reconcile: also color); default all
  --batch-size N         ids per batch, 1-5000 (default 500)
  --window N             batches per request (default 10)
  --organizations LIST   only these organization ids
  --resume RUN_ID        continue a run after its last finished batch
  --url URL              gateway GraphQL endpoint (default http://127.0.0.1:4000/graphql)
  --token TOKEN          the platform operator's bearer token (default: $MOBIUS_TOKEN;
                         mint one with npm run token -- --platform-operator)
  -h, --help             this text
`;

export interface BackfillArgs {
  readonly dryRun: boolean;
  readonly reconcile: boolean;
  readonly entities: string[] | null;
  readonly batchSize: number | null;
  readonly window: number;
  readonly organizationIds: string[] | null;
  readonly runId: string | null;
  readonly url: string;
  readonly token: string | null;
}

export type ParsedArgs = { kind: "run"; args: BackfillArgs } | { kind: "help" } | { kind: "usage"; error: string };

const list = (value: string | undefined) => (value ? value.split(",").map((s) => s.trim()).filter(Boolean) : null);

export function parseBackfillArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ParsedArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        "dry-run": { type: "boolean" },
        execute: { type: "boolean" },
        reconcile: { type: "boolean" },
        entities: { type: "string" },
        "batch-size": { type: "string" },
        window: { type: "string" },
        organizations: { type: "string" },
        resume: { type: "string" },
        url: { type: "string" },
        token: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    return { kind: "usage", error: (error as Error).message };
  }
  if (values.help) return { kind: "help" };
  if (Boolean(values["dry-run"]) === Boolean(values.execute)) {
    return { kind: "usage", error: "give exactly one of --dry-run and --execute" };
  }
  const batchSize = values["batch-size"] === undefined ? null : Number(values["batch-size"]);
  if (batchSize !== null && !Number.isInteger(batchSize)) return { kind: "usage", error: "--batch-size must be an integer" };
  const window = values.window === undefined ? 10 : Number(values.window);
  if (!Number.isInteger(window) || window < 1) return { kind: "usage", error: "--window must be a positive integer" };
  return {
    kind: "run",
    args: {
      dryRun: Boolean(values["dry-run"]),
      reconcile: Boolean(values.reconcile),
      entities: list(values.entities),
      batchSize,
      window,
      organizationIds: list(values.organizations),
      runId: values.resume ?? null,
      url: values.url ?? "http://127.0.0.1:4000/graphql",
      token: values.token ?? env.MOBIUS_TOKEN ?? null,
    },
  };
}

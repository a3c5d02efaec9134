// One request of a CLI run: backfillGraph or reconcileGraph for the next window of batches.
import { BACKFILL, RECONCILE } from "./operations.ts";
import type { BackfillArgs } from "./parseBackfillArgs.ts";

export interface EntityLine {
  readonly entity: string;
  readonly total: number;
  readonly processed: number;
  readonly [count: string]: unknown;
}

export interface RunReply {
  readonly runId: string;
  readonly finished: boolean;
  readonly durationMs: number;
  readonly entities: EntityLine[];
}

const MUTATIONS = { backfill: BACKFILL, reconcile: RECONCILE };

export class GatewayCallError extends Error {}

export async function callRunMutation(args: BackfillArgs, runId: string | null): Promise<RunReply> {
  const response = await fetch(args.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(args.token ? { authorization: `Bearer ${args.token}` } : {}),
    },
    body: JSON.stringify({
      query: MUTATIONS[args.reconcile ? "reconcile" : "backfill"],
      variables: {
        dryRun: args.dryRun,
        entities: args.entities,
        batchSize: args.batchSize,
        runId,
        maxBatches: args.window,
        orgs: args.organizationIds,
      },
    }),
  }).catch((error: Error) => {
    throw new GatewayCallError(`cannot reach ${args.url}: ${error.message}`);
  });
  const body = (await response.json().catch(() => null)) as { data?: { report: RunReply }; errors?: { message: string; extensions?: { code?: string } }[] } | null;
  if (body?.errors?.length) {
    throw new GatewayCallError(body.errors.map((e) => `${e.extensions?.code ?? "ERROR"}: ${e.message}`).join("\n"));
  }
  if (!response.ok || !body?.data) throw new GatewayCallError(`${args.url} answered HTTP ${response.status}`);
  return body.data.report;
}

// The shared body of backfillGraph and reconcileGraph: the platform operator only, then arguments → one call of
// the run loop.
import { isRetryableError } from "neo4j-driver";
import { parseRunOptions, type RunMode } from "../../backfill/backfillOptions.ts";
import { runBackfill, type RunResult } from "../../backfill/runBackfill.ts";
import { badInput, graphUnavailable } from "../../errors/codes.ts";
import type { MutationBackfillGraphArgs } from "../../generated/graphql.ts";
import type { GatewayContext } from "../context.ts";

export async function runFromArgs(mode: RunMode, { deps, access }: GatewayContext, args: MutationBackfillGraphArgs): Promise<RunResult> {
  access.assertPlatformOperator();
  const options = parseRunOptions(mode, args);
  const { maxBatches } = args;
  if (maxBatches != null && (!Number.isInteger(maxBatches) || maxBatches < 1)) {
    throw badInput("maxBatches", "must be a positive integer");
  }
  if (!deps.graph) throw graphUnavailable();
  try {
    return await runBackfill({ prisma: deps.prisma, graph: deps.graph }, options, { runId: args.runId, maxBatches });
  } catch (error) {
    // The checkpoint of every finished batch is saved: the caller resumes with the same runId.
    if (isRetryableError(error)) throw graphUnavailable(error);
    throw error;
  }
}

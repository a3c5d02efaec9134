import { toBackfillReport } from "../../../backfill/runReports.ts";
import type { MutationResolvers } from "../../../generated/graphql.ts";
import { runFromArgs } from "../runFromArgs.ts";

export const backfillGraph: NonNullable<MutationResolvers["backfillGraph"]> = async (_parent, args, context) =>
  toBackfillReport(await runFromArgs("backfill", context, args));

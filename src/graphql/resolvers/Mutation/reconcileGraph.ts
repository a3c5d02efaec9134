import { toReconcileReport } from "../../../backfill/runReports.ts";
import type { MutationResolvers } from "../../../generated/graphql.ts";
import { runFromArgs } from "../runFromArgs.ts";

export const reconcileGraph: NonNullable<MutationResolvers["reconcileGraph"]> = async (_parent, args, context) =>
  toReconcileReport(await runFromArgs("reconcile", context, args));

// The backfill CLI: drives the gateway's mutation one window of batches per request, resuming the
// same run each time, so every HTTP request is short (no proxy or client timeout can cut a long
// backfill), progress is real, and Ctrl-C loses at most the window in flight — the run resumes
// from its checkpoint with --resume.
import { callRunMutation, GatewayCallError, type RunReply } from "./callRunMutation.ts";
import { parseBackfillArgs, USAGE } from "./parseBackfillArgs.ts";
import { progressReporter } from "./progressReporter.ts";
import { summaryTable } from "./summaryTable.ts";

export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream;
  /** Aborted on Ctrl-C: the request in flight finishes, then the CLI stops. */
  readonly signal?: AbortSignal;
}

export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

export async function runBackfillCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseBackfillArgs(argv, io.env);
  if (parsed.kind === "help") return io.stdout.write(USAGE), EXIT.ok;
  if (parsed.kind === "usage") return io.stderr.write(`${parsed.error}\n\n${USAGE}`), EXIT.usage;
  const { args } = parsed;
  const label = `${args.reconcile ? "reconcile" : "backfill"}${args.dryRun ? " (dry run)" : ""}`;
  const progress = progressReporter(io.stdout, label);
  let runId = args.runId;
  let reply: RunReply | null = null;
  try {
    do {
      reply = await callRunMutation(args, runId);
      runId = reply.runId;
      progress.update(reply);
    } while (!reply.finished && !io.signal?.aborted);
  } catch (error) {
    progress.stop();
    if (!(error instanceof GatewayCallError)) throw error;
    io.stderr.write(`${label} failed: ${error.message}\n`);
    if (runId) io.stderr.write(`finished batches are saved; resume with --resume ${runId}\n`);
    return EXIT.failed;
  }
  progress.stop();
  io.stdout.write(`\n${summaryTable(reply.entities, args.reconcile)}`);
  io.stdout.write(`run ${reply.runId}: ${reply.finished ? "finished" : "interrupted"} in ${(reply.durationMs / 1000).toFixed(1)}s\n`);
  if (!reply.finished) {
    io.stderr.write(`resume with --resume ${reply.runId}\n`);
    return EXIT.interrupted;
  }
  return EXIT.ok;
}

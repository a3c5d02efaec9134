// npm run backfill -- (--dry-run | --execute) [--reconcile] [--entities …] [--batch-size N] …
// Thin: everything lives in src/cli/runBackfillCli.ts.
import { runBackfillCli } from "../src/cli/runBackfillCli.ts";

const interrupt = new AbortController();
process.once("SIGINT", () => {
  process.stderr.write("\nstopping after the request in flight (Ctrl-C again to quit now)\n");
  interrupt.abort();
  process.once("SIGINT", () => process.exit(130));
});

process.exitCode = await runBackfillCli(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  signal: interrupt.signal,
});

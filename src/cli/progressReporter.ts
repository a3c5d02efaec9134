// Progress of a CLI run: on a terminal a cli-progress bar with rate and ETA; anywhere else (CI, a
// log file) one plain line per request, since a redrawn bar there is noise.
import cliProgress from "cli-progress";
import type { RunReply } from "./callRunMutation.ts";

export interface ProgressReporter {
  update(reply: RunReply): void;
  stop(): void;
}

export function progressReporter(out: NodeJS.WritableStream & { isTTY?: boolean }, label: string): ProgressReporter {
  const started = Date.now();
  let first: { at: number; processed: number } | null = null;
  const totals = (reply: RunReply) => ({
    processed: reply.entities.reduce((n, e) => n + e.processed, 0),
    total: reply.entities.reduce((n, e) => n + e.total, 0),
  });
  // Rate and ETA from the windows this process saw after its first: a resumed run's first reply also
  // counts batches done before this process started, which would inflate the rate.
  const rateOf = (processed: number) => {
    const now = Date.now();
    first ??= { at: now, processed };
    const [since, base] = now > first.at ? [first.at, first.processed] : [started, 0];
    return now > since ? ((processed - base) * 1000) / (now - since) : 0;
  };

  if (out.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream: out, format: `${label} [{bar}] {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}`, etaBuffer: 20 },
      cliProgress.Presets.shades_classic,
    );
    let startedBar = false;
    return {
      update(reply) {
        const { processed, total } = totals(reply);
        if (!startedBar) bar.start(Math.max(total, processed), 0, { rate: "0" }), (startedBar = true);
        bar.setTotal(Math.max(total, processed));
        bar.update(processed, { rate: rateOf(processed).toFixed(0) });
      },
      stop: () => bar.stop(),
    };
  }
  return {
    update(reply) {
      const { processed, total } = totals(reply);
      const rate = rateOf(processed);
      const eta = rate > 0 ? `${Math.ceil(Math.max(0, total - processed) / rate)}s` : "?";
      const pct = total > 0 ? ((100 * processed) / total).toFixed(1) : "100.0";
      out.write(`${label}: ${processed}/${total} (${pct}%) ${rate.toFixed(0)}/s ETA ${eta}\n`);
    },
    stop() {},
  };
}

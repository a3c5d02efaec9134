// How loaded the gateway's event loop was over a phase: the share of the time it ran callbacks
// rather than waited for I/O (its utilization), the garbage collections that paused it, and the
// delay a timer saw. A loop near full use queues every request behind the ones before it, so a
// reader's latency climbs steeply with it. The kernel's scheduler statistics of the thread
// (/proc/<pid>/task/<tid>/schedstat, Linux) split that time: running on a core, or ready to run
// and waiting for one.
import fs from "node:fs";
import { monitorEventLoopDelay, performance, PerformanceObserver } from "node:perf_hooks";
import { round } from "./stats.ts";

export interface MainThreadLoad {
  readonly utilization: number;
  /** Milliseconds the collector paused the thread, per second of the phase. */
  readonly gcMsPerSecond: number;
  readonly gcPauses: number;
  readonly loopDelayP99Ms: number;
  /** The share of the phase the thread ran on a core, and the share it was ready to run but waited for one. */
  readonly onCpu: number;
  readonly waitingForCpu: number;
}

/** Nanoseconds this process's main thread has run, and waited on a run queue, so far. */
function schedstat(): { readonly runNs: number; readonly waitNs: number } {
  const [run, wait] = fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, "utf8").split(" ").map(Number);
  return { runNs: run!, waitNs: wait! };
}

/** Starts watching this thread; the returned function stops and tells what it saw. */
export function watchMainThread(): () => MainThreadLoad {
  let gcMs = 0;
  let gcPauses = 0;
  const collections = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcMs += entry.duration;
      gcPauses++;
    }
  });
  collections.observe({ entryTypes: ["gc"] });
  const delay = monitorEventLoopDelay({ resolution: 2 });
  delay.enable();
  const [started, from, sched] = [performance.now(), performance.eventLoopUtilization(), schedstat()];
  return () => {
    collections.disconnect();
    delay.disable();
    const seconds = (performance.now() - started) / 1000;
    const now = schedstat();
    return {
      utilization: round(performance.eventLoopUtilization(from).utilization, 3),
      gcMsPerSecond: round(gcMs / seconds, 1),
      gcPauses,
      loopDelayP99Ms: round(delay.percentile(99) / 1e6, 1),
      onCpu: round((now.runNs - sched.runNs) / 1e9 / seconds, 3),
      waitingForCpu: round((now.waitNs - sched.waitNs) / 1e9 / seconds, 3),
    };
  };
}

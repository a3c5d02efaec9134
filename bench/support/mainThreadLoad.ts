// How loaded the gateway's event loop was over a phase: the share of the time it ran callbacks
// rather than waited for I/O (its utilization), the garbage collections that paused it, and the
// delay a timer saw. A loop near full use queues every request behind the ones before it, so a
// reader's latency climbs steeply with it.
import { monitorEventLoopDelay, performance, PerformanceObserver } from "node:perf_hooks";
import { round } from "./stats.ts";

export interface MainThreadLoad {
  readonly utilization: number;
  /** Milliseconds the collector paused the thread, per second of the phase. */
  readonly gcMsPerSecond: number;
  readonly gcPauses: number;
  readonly loopDelayP99Ms: number;
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
  const [started, from] = [performance.now(), performance.eventLoopUtilization()];
  return () => {
    collections.disconnect();
    delay.disable();
    const seconds = (performance.now() - started) / 1000;
    return {
      utilization: round(performance.eventLoopUtilization(from).utilization, 3),
      gcMsPerSecond: round(gcMs / seconds, 1),
      gcPauses,
      loopDelayP99Ms: round(delay.percentile(99) / 1e6, 1),
    };
  };
}

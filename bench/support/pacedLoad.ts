// An open-loop load: calls start on a fixed schedule whether or not earlier ones have finished, so
// its rate is the one asked for and not whatever its own latency allows (a closed loop of a few
// lanes, each waiting for its last call, slows down exactly when the machine does).

/** Calls beyond this many unfinished ones wait for one to finish: a stalled server is not flooded. */
const MAX_IN_FLIGHT = 16;

/**
 * Calls `call(0)`, `call(1)`, … at `perSecond` until the returned stop() is called; stop() resolves
 * when every call has finished, and rejects with the first call's failure if one failed.
 */
export function startPaced(perSecond: number, call: (i: number) => Promise<unknown>): () => Promise<void> {
  // A rate under one a second (a smoke run's phase may see no upload to pace by) becomes one.
  const interval = 1000 / Math.max(perSecond, 1);
  const started = performance.now();
  const inFlight = new Set<Promise<unknown>>();
  let running = true;
  let failure: { readonly error: unknown } | null = null;
  const schedule = (async () => {
    for (let i = 0; running; i++) {
      const due = started + i * interval - performance.now();
      if (due > 0) await new Promise((resolve) => setTimeout(resolve, due));
      if (!running) break;
      if (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
      const pending: Promise<unknown> = call(i)
        .catch((error: unknown) => {
          failure ??= { error };
          running = false;
        })
        .finally(() => inFlight.delete(pending));
      inFlight.add(pending);
    }
  })();
  return async () => {
    running = false;
    await schedule;
    await Promise.all(inFlight);
    if (failure) throw failure.error;
  };
}

// At most `limit` calls of the returned function run at once; the rest wait their turn in order.
// Extraction uses it to keep a burst of uploads from taking every core: libuv's pool would decode
// four images at once on a two-core machine, and the gateway's other requests would wait.
export function limitConcurrency(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`the concurrency limit must be a positive integer, got ${limit}`);
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

/**
 * Exponential backoff with "equal jitter": the delay doubles per attempt up to the cap, and a random
 * half of it spreads retries so replicas recovering from one outage do not retry in lockstep.
 */
export function retryDelay(
  attempt: number,
  settings: { readonly retryBaseMs: number; readonly retryMaxMs: number },
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const ceiling = Math.min(settings.retryMaxMs, settings.retryBaseMs * 2 ** exponent);
  return ceiling / 2 + random() * (ceiling / 2);
}

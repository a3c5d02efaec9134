// A process's memory with garbage collected first, so a before/after difference measures what the
// change between them retains rather than when V8 last collected. The bench runs without
// --expose-gc; the flag can be set at run time, and a fresh context then sees `gc`.
import { setTimeout as sleep } from "node:timers/promises";
import v8 from "node:v8";
import vm from "node:vm";

v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

export interface SettledMemory {
  readonly rss: number;
  /** V8's live heap plus memory held outside it (socket and ArrayBuffer storage). */
  readonly retained: number;
}

export async function settledMemory(): Promise<SettledMemory> {
  for (let i = 0; i < 3; i++) {
    collectGarbage();
    await sleep(200);
  }
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rss, retained: heapUsed + external };
}

/** The larger of the two differences in MiB: RSS alone can fall when the collector returns pages. */
export function growthMb(before: SettledMemory, after: SettledMemory): { readonly mb: number; readonly rssMb: number; readonly retainedMb: number } {
  const rssMb = (after.rss - before.rss) / 2 ** 20;
  const retainedMb = (after.retained - before.retained) / 2 ** 20;
  return { mb: Math.max(rssMb, retainedMb), rssMb, retainedMb };
}

// The color extraction issue's numbers: extraction p50/p99 for a 2048² JPEG and a 512² PNG, one
// at a time, and images per second with the machine's cores busy (several extractions in flight,
// one or two clustering threads). While the busiest run goes, the main thread's event-loop delay
// is sampled: extraction runs on sharp's pool and the clustering threads, so the loop stays free.
// Needs no database: the stores in the context are not used.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { defaultColorExtractionSettings } from "../../src/pixels/colorExtractionSettings.ts";
import { createColorExtractor } from "../../src/pixels/createColorExtractor.ts";
import type { ColorExtractor } from "../../src/pixels/ColorExtractor.ts";
import { poster } from "../../src/pixels/syntheticImages.ts";
import type { Check, Suite } from "../suite.ts";
import { latencyOf, round, type Latency } from "../support/stats.ts";

const GOALS = { jpeg2048P50Ms: 120 };

async function timeEach(extractor: ColorExtractor, image: Buffer, iterations: number, warmup: number): Promise<Latency> {
  const durations: number[] = [];
  for (let i = 0; i < warmup + iterations; i++) {
    const started = performance.now();
    await extractor.extract(image);
    if (i >= warmup) durations.push(performance.now() - started);
  }
  return latencyOf(durations);
}

interface Throughput {
  /** Images decoding at once and clustering threads, the extractor's settings. */
  readonly concurrency: number;
  readonly threads: number;
  /** Extractions the callers keep in flight. */
  readonly inFlight: number;
  readonly imagesPerSecond: number;
  /** Main-thread event-loop delay while the burst ran, ms. */
  readonly loopDelayP99Ms: number;
}

/** `images` extractions with `inFlight` of them asked for at all times. */
async function measureThroughput(concurrency: number, threads: number, inFlight: number, image: Buffer, images: number): Promise<Throughput> {
  const extractor = createColorExtractor({ ...defaultColorExtractionSettings, concurrency, threads });
  try {
    await Promise.all(Array.from({ length: threads * 2 }, () => extractor.extract(image))); // start and warm the threads
    const loop = monitorEventLoopDelay({ resolution: 5 });
    let next = 0;
    const started = performance.now();
    loop.enable();
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next++ < images) await extractor.extract(image);
      }),
    );
    loop.disable();
    const seconds = (performance.now() - started) / 1000;
    return { concurrency, threads, inFlight, imagesPerSecond: round(images / seconds, 1), loopDelayP99Ms: round(loop.percentile(99) / 1e6, 1) };
  } finally {
    await extractor.close();
  }
}

/** The event-loop delay's p99 with nothing running, as the yardstick for the bursts' (ms). */
async function idleLoopDelayP99(ms: number): Promise<number> {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  await new Promise((resolve) => setTimeout(resolve, ms));
  loop.disable();
  return round(loop.percentile(99) / 1e6, 1);
}

export const run: Suite = async (ctx) => {
  const options = ctx.smoke ? { iterations: 3, warmup: 1, images: 4 } : { iterations: 100, warmup: 10, images: 120 };
  ctx.log("color extraction: drawing a 2048² JPEG (q85) and a 512² PNG …");
  const [jpeg, png] = await Promise.all([poster(2048, "jpeg"), poster(512, "png")]);
  const extractor = createColorExtractor(defaultColorExtractionSettings);
  let jpegLatency: Latency;
  let pngLatency: Latency;
  try {
    ctx.log(`color extraction: ${options.iterations} extractions of each, one at a time …`);
    jpegLatency = await timeEach(extractor, jpeg, options.iterations, options.warmup);
    pngLatency = await timeEach(extractor, png, options.iterations, options.warmup);
  } finally {
    await extractor.close();
  }
  const idleLoopDelayP99Ms = await idleLoopDelayP99(ctx.smoke ? 200 : 2000);
  const throughput: Throughput[] = [];
  // The default (one decoding, one clustering thread), then more of each, all with 4 asked at once.
  for (const [concurrency, threads] of [[1, 1], [2, 1], [2, 2], [4, 2]] as const) {
    ctx.log(`color extraction: ${options.images} JPEGs, 4 in flight, ${concurrency} decoding and ${threads} clustering at once …`);
    throughput.push(await measureThroughput(concurrency, threads, 4, jpeg, options.images));
  }
  const checks: Check[] = [
    {
      what: `extraction of a 2048 × 2048 JPEG (${Math.round(jpeg.length / 1024)} KiB), one at a time`,
      measured: `p50 ${jpegLatency.p50} ms, p99 ${jpegLatency.p99} ms`,
      goal: `p50 ≤ ${GOALS.jpeg2048P50Ms} ms`,
      met: jpegLatency.p50 <= GOALS.jpeg2048P50Ms,
    },
    {
      what: `extraction of a 512 × 512 PNG (${Math.round(png.length / 1024)} KiB), one at a time`,
      measured: `p50 ${pngLatency.p50} ms, p99 ${pngLatency.p99} ms`,
      goal: "—",
      met: null,
    },
    ...throughput.map((t) => ({
      what: `2048² JPEG extractions per second, ${t.inFlight} in flight, ${t.concurrency} decoding and ${t.threads} clustering at once${t.concurrency === defaultColorExtractionSettings.concurrency && t.threads === defaultColorExtractionSettings.threads ? " (the default)" : ""}`,
      measured: `${t.imagesPerSecond} /s (event-loop delay p99 ${t.loopDelayP99Ms} ms, idle ${idleLoopDelayP99Ms} ms)`,
      goal: "—",
      met: null,
    })),
  ];
  return { checks, data: { ...options, jpegBytes: jpeg.length, pngBytes: png.length, jpegLatency, pngLatency, idleLoopDelayP99Ms, throughput, goals: GOALS } };
};

// The color extraction issue's numbers: extraction p50/p99 for a 2048² JPEG and a 512² PNG, one
// at a time, and images per second with the machine's cores busy (several extractions in flight,
// one or two clustering threads). While the busiest run goes, the main thread's event-loop delay
// is sampled: extraction runs on sharp's pool and the clustering threads, so the loop stays free.
// Last, through a gateway on the query data set: the similarBrands p99 of concurrent readers while
// a burst of image uploads (PUT /v1/assets/{id}/image) runs in the same process, against none.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { defaultColorExtractionSettings } from "../../src/pixels/colorExtractionSettings.ts";
import { createColorExtractor } from "../../src/pixels/createColorExtractor.ts";
import type { ColorExtractor } from "../../src/pixels/ColorExtractor.ts";
import { poster } from "../../src/pixels/syntheticImages.ts";
import { createServer } from "../../src/http/createServer.ts";
import type { BenchContext, Check, Suite } from "../suite.ts";
import { postGraphql, putBytes } from "../support/benchClient.ts";
import { benchDeps } from "../support/benchDeps.ts";
import { latencyOf, round, type Latency } from "../support/stats.ts";

const GOALS = { jpeg2048P50Ms: 120, readersP99Rise: 1.25 };
const READERS = 4;
const UPLOADS_IN_FLIGHT = 4;
const SIMILAR_BRANDS = `query ($id: ID!) { brand(id: $id) { similarBrands { brand { id } sharedColorCount similarityScore } } }`;

interface ReadersUnderBurst {
  readonly quiet: Latency;
  readonly burst: Latency;
  readonly uploads: number;
  readonly uploadsPerSecond: number;
}

/**
 * READERS callers ask similarBrands `requests` times in all, first with nothing else running, then
 * while UPLOADS_IN_FLIGHT uploads of 2048² JPEGs run against the same gateway. Each upload
 * alternates two images on its asset, so every one is extracted (the same image twice is not).
 */
async function readersUnderBurst(ctx: BenchContext, images: readonly Buffer[], requests: number): Promise<ReadersUnderBurst> {
  const data = await ctx.stores.loadDataset(ctx.presets.queries, { fill: true });
  // As the gateway process runs (main.ts): the drainer projects the uploads' events in its own thread.
  const deps = benchDeps(ctx.stores, data.databaseUrl, { maxConnections: 5, sync: { thread: true } });
  const gateway = await createServer(deps);
  try {
    const url = await gateway.listen(0);
    const { brandIds } = data.sample;
    const assetIds = (await deps.prisma.asset.findMany({ select: { id: true }, take: UPLOADS_IN_FLIGHT * 4, orderBy: { id: "asc" } })).map((a) => a.id);
    const read = async () => {
      const durations: number[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: READERS }, async () => {
          while (next < requests) {
            const id = brandIds[next++ % brandIds.length]!;
            const started = performance.now();
            await postGraphql(url, SIMILAR_BRANDS, { id });
            durations.push(performance.now() - started);
          }
        }),
      );
      return latencyOf(durations);
    };
    await read(); // warm-up
    const quiet = await read();
    let uploading = true;
    let uploads = 0;
    const burstStarted = performance.now();
    const burst = Promise.all(
      Array.from({ length: UPLOADS_IN_FLIGHT }, async (_, lane) => {
        for (let i = 0; uploading; i++) {
          await putBytes(`${url}/v1/assets/${assetIds[(lane + i * UPLOADS_IN_FLIGHT) % assetIds.length]}/image`, images[i % images.length]!);
          uploads++;
        }
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 500)); // the burst under way
    const underBurst = await read();
    uploading = false;
    await burst;
    const seconds = (performance.now() - burstStarted) / 1000;
    return { quiet, burst: underBurst, uploads, uploadsPerSecond: round(uploads / seconds, 1) };
  } finally {
    await gateway.close();
    await deps.close();
  }
}

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
  ctx.log(`color extraction: similarBrands readers (${READERS} at once) with and without ${UPLOADS_IN_FLIGHT} uploads in flight …`);
  const readers = await readersUnderBurst(ctx, [jpeg, await poster(2048, "jpeg", 80)], ctx.smoke ? 20 : 400);
  const rise = readers.burst.p99 / readers.quiet.p99;
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
    {
      what: `similarBrands via GraphQL, ${READERS} concurrent readers, during a burst of image uploads (${UPLOADS_IN_FLIGHT} in flight, ${readers.uploadsPerSecond} /s) vs none: p99`,
      measured: `${readers.burst.p99} vs ${readers.quiet.p99} ms, ×${round(rise, 2)} (p50 ${readers.burst.p50} vs ${readers.quiet.p50} ms)`,
      goal: `≤ ×${GOALS.readersP99Rise}`,
      met: rise <= GOALS.readersP99Rise,
    },
  ];
  return {
    checks,
    data: { ...options, jpegBytes: jpeg.length, pngBytes: png.length, jpegLatency, pngLatency, idleLoopDelayP99Ms, throughput, readers, goals: GOALS },
  };
};

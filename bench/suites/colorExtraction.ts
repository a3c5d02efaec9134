// The color extraction issue's numbers: extraction p50/p99 for a 2048² JPEG and a 512² PNG, one
// at a time, and images per second with several extractions in flight (one or two extraction
// processes). While they run, the main thread's event-loop delay is sampled: extraction runs in
// its processes, so the loop stays free. Last, through a gateway on the query data set: the
// similarBrands p99 of concurrent readers while a burst of image uploads (PUT /v1/assets/{id}/image)
// runs against the same gateway, against none, and the uploads per second with and without readers
// (extraction runs below the readers' CPU priority, so it slows down while they read).
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
  /** Uploads per second while the burst ran alone, and while the readers read. */
  readonly uploadsPerSecondAlone: number;
  readonly uploadsPerSecondWhileReading: number;
}

/** How many uploads completed in the time `during` takes, per second. */
async function rateDuring<T>(count: () => number, during: () => Promise<T>): Promise<{ value: T; perSecond: number }> {
  const [uploadsBefore, started] = [count(), performance.now()];
  const value = await during();
  return { value, perSecond: round((count() - uploadsBefore) / ((performance.now() - started) / 1000), 1) };
}

/**
 * READERS callers ask similarBrands `requests` times in all, first with nothing else running, then
 * while UPLOADS_IN_FLIGHT uploads of 2048² JPEGs run against the same gateway.
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
    // The extractor starts its processes (or threads) on the first images: started here, so the
    // burst below measures extraction, not start-up. The burst's first image on each asset is the other.
    await Promise.all(assetIds.slice(0, UPLOADS_IN_FLIGHT).map((id) => putBytes(`${url}/v1/assets/${id}/image`, images[1]!)));
    await read(); // warm-up
    const quiet = await read();
    let uploading = true;
    let uploads = 0;
    const burstStarted = performance.now();
    // Each lane cycles over assets of its own and alternates the two images on each, so every upload
    // is extracted: an image its asset already has is answered from its hash, and is not counted.
    const assetsPerLane = assetIds.length / UPLOADS_IN_FLIGHT;
    const burst = Promise.all(
      Array.from({ length: UPLOADS_IN_FLIGHT }, async (_, lane) => {
        for (let i = 0; uploading; i++) {
          const assetId = assetIds[lane + (i % assetsPerLane) * UPLOADS_IN_FLIGHT];
          const answer = (await putBytes(`${url}/v1/assets/${assetId}/image`, images[Math.floor(i / assetsPerLane) % images.length]!)) as { extracted: boolean };
          if (answer.extracted) uploads++;
        }
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 500)); // the burst under way
    const alone = await rateDuring(() => uploads, () => new Promise((resolve) => setTimeout(resolve, ctx.smoke ? 500 : 3000)));
    const underBurst = await rateDuring(() => uploads, read);
    uploading = false;
    await burst;
    const seconds = (performance.now() - burstStarted) / 1000;
    return {
      quiet,
      burst: underBurst.value,
      uploads,
      uploadsPerSecond: round(uploads / seconds, 1),
      uploadsPerSecondAlone: alone.perSecond,
      uploadsPerSecondWhileReading: underBurst.perSecond,
    };
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
  /** Extraction processes, the extractor's setting. */
  readonly processes: number;
  /** Extractions the callers keep in flight. */
  readonly inFlight: number;
  readonly imagesPerSecond: number;
  /** Main-thread event-loop delay while the burst ran, ms. */
  readonly loopDelayP99Ms: number;
}

/** `images` extractions with `inFlight` of them asked for at all times. */
async function measureThroughput(processes: number, inFlight: number, image: Buffer, images: number): Promise<Throughput> {
  const extractor = createColorExtractor({ ...defaultColorExtractionSettings, processes });
  try {
    await Promise.all(Array.from({ length: processes * 2 }, () => extractor.extract(image))); // start and warm the processes
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
    return { processes, inFlight, imagesPerSecond: round(images / seconds, 1), loopDelayP99Ms: round(loop.percentile(99) / 1e6, 1) };
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
  for (const processes of [1, 2]) {
    ctx.log(`color extraction: ${options.images} JPEGs, 4 in flight, ${processes} extraction process${processes > 1 ? "es" : ""} …`);
    throughput.push(await measureThroughput(processes, 4, jpeg, options.images));
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
      what: `2048² JPEG extractions per second, ${t.inFlight} in flight, ${t.processes} extraction process${t.processes > 1 ? "es" : ""} at nice ${defaultColorExtractionSettings.nice}${t.processes === defaultColorExtractionSettings.processes ? " (the default)" : ""}`,
      measured: `${t.imagesPerSecond} /s (event-loop delay p99 ${t.loopDelayP99Ms} ms, idle ${idleLoopDelayP99Ms} ms)`,
      goal: "—",
      met: null,
    })),
    {
      what: `similarBrands via GraphQL, ${READERS} concurrent readers, during a burst of image uploads (${UPLOADS_IN_FLIGHT} in flight, ${readers.uploadsPerSecond} /s) vs none: p99`,
      measured: `${readers.burst.p99} vs ${readers.quiet.p99} ms, ×${round(rise, 2)} (p50 ${readers.burst.p50} vs ${readers.quiet.p50} ms; uploads ${readers.uploadsPerSecondWhileReading} /s while reading, ${readers.uploadsPerSecondAlone} /s alone)`,
      goal: `≤ ×${GOALS.readersP99Rise}`,
      met: rise <= GOALS.readersP99Rise,
    },
  ];
  return {
    checks,
    data: { ...options, jpegBytes: jpeg.length, pngBytes: png.length, jpegLatency, pngLatency, idleLoopDelayP99Ms, throughput, readers, goals: GOALS },
  };
};

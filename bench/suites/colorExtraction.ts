// The color extraction issue's numbers: extraction p50/p99 for a 2048² JPEG and a 512² PNG, one
// at a time, and images per second with several extractions in flight (one or two extraction
// processes). While they run, the main thread's event-loop delay is sampled: extraction runs in
// its processes, so the loop stays free. Last, through a gateway on the query data set: the
// similarBrands p99 of concurrent readers while a burst of image uploads (PUT /v1/assets/{id}/image)
// runs against the same gateway, against none, and against its two halves at its rate (the write
// without an image, the extraction without an upload); the uploads per second with and without
// readers (extraction runs below the readers' CPU priority, so it slows down while they read); and
// the same readers and uploads on schedule, with cores to spare.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { defaultColorExtractionSettings } from "../../src/pixels/colorExtractionSettings.ts";
import { createColorExtractor } from "../../src/pixels/createColorExtractor.ts";
import type { ColorExtractor } from "../../src/pixels/ColorExtractor.ts";
import { poster } from "../../src/pixels/syntheticImages.ts";
import { createServer } from "../../src/http/createServer.ts";
import type { BenchContext, Check, Suite } from "../suite.ts";
import { benchDeps } from "../support/benchDeps.ts";
import { startBurstClient } from "../support/burstClient.ts";
import { cpuPerOperation, pacedHere, type CpuOfOperation, type CpuPerOperation, type PacedLoad } from "../support/cpuPerOperation.ts";
import { watchCores, type CoresBusy } from "../support/cpuTime.ts";
import { watchMainThread, type MainThreadLoad } from "../support/mainThreadLoad.ts";
import { startPaced } from "../support/pacedLoad.ts";
import { latencyOf, median, round, type Latency } from "../support/stats.ts";

const GOALS = { jpeg2048P50Ms: 120, readersP99Rise: 1.25 };
const READERS = 4;
const UPLOADS_IN_FLIGHT = 4;
const READER_ROUNDS = 6;
/** A phase's p99 is its tenth slowest request: at 400 it was the fourth, and one stall moved it. */
const READER_REQUESTS = 1_000;
/** How long each kind of operation runs for its CPU per operation (and the idle phase before them). */
const CPU_PHASE_SECONDS = 10;
/** The paced readers' rate, as a share of what the closed-loop readers read alone: cores left for the uploads. */
const HEADROOM_SHARE = 0.5;

/**
 * Rounds of four kinds of phase, READERS callers reading similarBrands in each: quiet; during a
 * burst of uploads; during the control, which writes what the uploads write (the asset's colors and
 * compliance score, through updateAsset) at their rate with no image to read, what the write path
 * alone costs the readers; and the pixels alone, the gateway's extractor reading the same images at
 * that rate with no upload to receive and nothing written.
 */
interface Rounds {
  /** Each kind of phase's requests, pooled over the rounds. */
  readonly latency: Record<Phase, Latency>;
  /** Each round's p99 over its quiet p99, and their median, per loaded phase. */
  readonly rises: Record<LoadedPhase, number[]>;
  readonly rise: Record<LoadedPhase, number>;
  /** Each round's rate of what ran beside the readers, and of the readers themselves when quiet. */
  readonly rates: Record<Phase, number[]>;
  /** The gateway's event loop in each kind of phase: the median over the rounds of each figure. */
  readonly mainThread: Record<Phase, MainThreadLoad>;
  /** The cores each part of the machine kept busy in each kind of phase (this process: the gateway), medians over the rounds. */
  readonly cores: Record<Phase, CoresBusy>;
}

interface ReadersUnderBurst {
  /**
   * The issue's rounds: closed-loop readers, the uploads a closed loop of UPLOADS_IN_FLIGHT lanes,
   * the control and the pixels on schedule at the latest burst's rate. The burst's rise is the goal's figure.
   */
  readonly closed: Rounds;
  /**
   * The same rounds with cores to spare: the readers on schedule at HEADROOM_SHARE of the rate they
   * read at alone, and every load beside them on schedule at the rate the uploads reached in the
   * closed rounds. Closed-loop readers keep the machine saturated, so the issue's figure measures a
   * full machine's share; this one measures what an upload burst costs readers on a machine that is not full.
   */
  readonly headroom: Rounds & { readonly readersPerSecond: number; readonly ratePerSecond: number };
  readonly uploads: number;
  /** Uploads per second while the burst ran alone (once, before the readers), and while the readers read. */
  readonly uploadsPerSecondAlone: number;
  readonly uploadsPerSecondWhileReading: number;
  /** CPU per upload, per control write and per bare extraction, at the uploads' rate while reading, with no readers. */
  readonly cpu: CpuPerOperation<"upload" | "write" | "extraction">;
}

const PHASES = ["quiet", "burst", "writes", "extractions"] as const;
type Phase = (typeof PHASES)[number];
type LoadedPhase = Exclude<Phase, "quiet">;

/** How many operations `count` saw completed in the time `during` takes, per second. */
async function rateDuring<T>(count: () => Promise<number>, during: () => Promise<T>): Promise<{ value: T; perSecond: number; seconds: number }> {
  const [before, started] = [await count(), performance.now()];
  const value = await during();
  const seconds = (performance.now() - started) / 1000;
  return { value, perSecond: round(((await count()) - before) / seconds, 1), seconds };
}

/**
 * READERS callers ask similarBrands `requests` times per phase, in `rounds` rounds of four phases:
 * with nothing else running, while UPLOADS_IN_FLIGHT uploads of 2048² JPEGs run against the same
 * gateway, while the same colors are written at the uploads' rate, on schedule, without an image
 * (the control), and while the images are only extracted at that rate. The order rotates from
 * round to round so a drift of the machine favours no phase. A p99 of one phase is its few slowest
 * requests, so each rise is the median of the rounds' own. Then the same rounds again with cores
 * to spare (ReadersUnderBurst.headroom).
 * The readers and the writers are clients in processes of their own (burstClientProcess.ts).
 */
async function readersUnderBurst(ctx: BenchContext, images: readonly Buffer[], requests: number, rounds: number): Promise<ReadersUnderBurst> {
  const data = await ctx.stores.loadDataset(ctx.presets.queries, { fill: true });
  // As the gateway process runs (main.ts): the drainer projects the uploads' events in its own thread.
  const deps = benchDeps(ctx.stores, data.databaseUrl, { maxConnections: 5, sync: { thread: true } });
  const gateway = await createServer(deps);
  try {
    const url = await gateway.listen(0);
    const assetIds = (await deps.prisma.asset.findMany({ select: { id: true }, take: UPLOADS_IN_FLIGHT * 4, orderBy: { id: "asc" } })).map((a) => a.id);
    const clientOptions = { url, brandIds: data.sample.brandIds, assetIds, images, readers: READERS };
    const [readers, writers] = [startBurstClient(clientOptions), startBurstClient(clientOptions)];
    let extractions = 0;
    /**
     * Starts what runs beside the readers in a phase at `rate`: how to count what it completed, and
     * how to stop it. Without a rate the uploads run as a closed loop of UPLOADS_IN_FLIGHT lanes.
     */
    const startBeside = async (phase: LoadedPhase, rate: number | null): Promise<{ count: () => Promise<number>; stop: () => Promise<unknown> }> => {
      switch (phase) {
        case "burst":
          await (rate === null ? writers.startBurst(UPLOADS_IN_FLIGHT) : writers.startUploads(rate));
          return { count: async () => (await writers.counts()).uploads, stop: writers.stop };
        case "writes":
          await writers.startWrites(rate!);
          return { count: async () => (await writers.counts()).writes, stop: writers.stop };
        case "extractions":
          return { count: async () => extractions, stop: startPaced(rate!, (i) => deps.colorExtractor.extract(images[i % images.length]!).then(() => extractions++)) };
      }
    };
    const settle = () => new Promise((resolve) => setTimeout(resolve, 500)); // the burst under way
    /**
     * `rounds` rounds of the four phases, the readers reading with `read`. With `pacedAt`, every
     * loaded phase runs on schedule at that rate; without, the uploads run as a closed loop and the
     * control and the pixels take the latest burst's rate (the uploads speed up as the JVM and the
     * caches warm).
     */
    const measureRounds = async (read: () => Promise<number[]>, pacedAt: number | null): Promise<Rounds> => {
      const phases = byPhase((): number[][] => []);
      const loads = byPhase((): MainThreadLoad[] => []);
      const cores = byPhase((): CoresBusy[] => []);
      /** Each loaded phase's rate, and the readers' own in each quiet phase. */
      const rates = byPhase((): number[] => []);
      for (let turn = 0; turn < rounds; turn++) {
        for (let k = 0; k < PHASES.length; k++) {
          const phase = PHASES[(turn + k) % PHASES.length]!;
          // Round 0 runs quiet, burst, …, so every later phase has a burst's rate to take.
          const beside = phase === "quiet" ? null : await startBeside(phase, phase === "burst" ? pacedAt : (pacedAt ?? rates.burst.at(-1)!));
          if (beside) await settle();
          const [watched, busy] = [watchMainThread(), watchCores()];
          const measured = await rateDuring(beside?.count ?? (async () => 0), read);
          loads[phase].push(watched());
          cores[phase].push(busy());
          await beside?.stop();
          phases[phase].push(measured.value);
          rates[phase].push(beside ? measured.perSecond : round(measured.value.length / measured.seconds, 1));
        }
      }
      const rises = byLoadedPhase((phase) => phases[phase].map((durations, i) => round(latencyOf(durations).p99 / latencyOf(phases.quiet[i]!).p99, 3)));
      return {
        rates,
        rises,
        rise: byLoadedPhase((phase) => round(median(rises[phase]), 3)),
        latency: byPhase((phase) => latencyOf(phases[phase].flat())),
        mainThread: byPhase((phase) => medianOf(loads[phase])),
        cores: byPhase((phase) => medianOf(cores[phase])),
      };
    };
    let alone: number;
    let uploads: number;
    let closed: Rounds;
    let headroom: ReadersUnderBurst["headroom"];
    let cpu: ReadersUnderBurst["cpu"];
    try {
      await writers.prime(UPLOADS_IN_FLIGHT);
      await readers.read(requests); // warm-up
      const uploadsSoFar = async () => (await writers.counts()).uploads;
      await writers.startBurst(UPLOADS_IN_FLIGHT);
      await settle();
      alone = (await rateDuring(uploadsSoFar, () => new Promise((resolve) => setTimeout(resolve, ctx.smoke ? 500 : 3000)))).perSecond;
      await writers.stop();
      closed = await measureRounds(() => readers.read(requests), null);
      const [readersPerSecond, ratePerSecond] = [HEADROOM_SHARE * median(closed.rates.quiet), median(closed.rates.burst)];
      const paced = await measureRounds(() => readers.readPaced(requests, readersPerSecond), ratePerSecond);
      headroom = { ...paced, readersPerSecond: round(readersPerSecond, 1), ratePerSecond };
      uploads = (await writers.counts()).uploads;
      // The uploads and the control's writes come from the writers' process, as in the rounds: the
      // gateway is not charged for the client sending them.
      const fromWriters = (count: (counts: { uploads: number; writes: number }) => number, start: (perSecond: number) => Promise<void>): PacedLoad => async (perSecond) => {
        const before = count(await writers.counts());
        await start(perSecond);
        return async () => count(await writers.stop()) - before;
      };
      cpu = await cpuPerOperation(median(closed.rates.burst), ctx.smoke ? 0.5 : CPU_PHASE_SECONDS, {
        upload: fromWriters((c) => c.uploads, writers.startUploads),
        write: fromWriters((c) => c.writes, writers.startWrites),
        extraction: pacedHere((i) => deps.colorExtractor.extract(images[i % images.length]!)),
      });
    } finally {
      await Promise.all([readers.close(), writers.close()]);
    }
    return { closed, headroom, uploads, uploadsPerSecondAlone: alone, uploadsPerSecondWhileReading: round(median(closed.rates.burst), 1), cpu };
  } finally {
    await gateway.close();
    await deps.close();
  }
}

const byPhase = <T>(of: (phase: Phase) => T) => Object.fromEntries(PHASES.map((phase) => [phase, of(phase)])) as Record<Phase, T>;
const byLoadedPhase = <T>(of: (phase: LoadedPhase) => T) =>
  Object.fromEntries(PHASES.filter((phase) => phase !== "quiet").map((phase) => [phase, of(phase)])) as Record<LoadedPhase, T>;

/** Each figure's median over the phases. */
function medianOf<T extends { readonly [K in keyof T]: number }>(phases: readonly T[]): T {
  const keys = Object.keys(phases[0]!) as (keyof T)[];
  return Object.fromEntries(keys.map((key) => [key, median(phases.map((p) => p[key]))])) as T;
}

/** How the checks name the phases. */
const PHASE_NAMES: Record<Phase, string> = { quiet: "quiet", burst: "burst", writes: "control", extractions: "pixels" };

/** One figure of every kind of phase, named. */
const eachPhase = (describe: (phase: Phase) => string) => PHASES.map((phase) => `${PHASE_NAMES[phase]} ${describe(phase)}`).join("; ");

function describeCpu(cpu: CpuOfOperation): string {
  return `${cpu.total} ms (gateway ${cpu.gatewayMainThread} main thread + ${cpu.gatewayOtherThreads} other threads, extraction ${cpu.extraction}, Postgres ${cpu.postgres}, Neo4j ${cpu.neo4j})`;
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
  const readers = await readersUnderBurst(ctx, [jpeg, await poster(2048, "jpeg", 80)], ctx.smoke ? 20 : READER_REQUESTS, ctx.smoke ? 1 : READER_ROUNDS);
  const { closed, headroom } = readers;
  const rise = closed.rise.burst;
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
      what: `similarBrands via GraphQL, ${READERS} concurrent readers, during a burst of image uploads (${UPLOADS_IN_FLIGHT} in flight) vs none: p99 (${closed.rises.burst.length} rounds, rise the median of the rounds' ${closed.rises.burst.join(", ")})`,
      measured: `×${round(rise, 2)}; pooled p99 ${closed.latency.burst.p99} vs ${closed.latency.quiet.p99} ms, p50 ${closed.latency.burst.p50} vs ${closed.latency.quiet.p50} ms; uploads ${readers.uploadsPerSecondWhileReading} /s while reading, ${readers.uploadsPerSecondAlone} /s alone`,
      goal: `≤ ×${GOALS.readersP99Rise}`,
      met: rise <= GOALS.readersP99Rise,
    },
    {
      what: `the control: the same readers while the same colors are written with updateAsset at the uploads' rate, on schedule, no image (rounds' rises ${closed.rises.writes.join(", ")})`,
      measured: `×${round(closed.rise.writes, 2)}; pooled p99 ${closed.latency.writes.p99} vs ${closed.latency.quiet.p99} ms; ${median(closed.rates.writes)} writes/s while reading`,
      goal: "—",
      met: null,
    },
    {
      what: `the pixels alone: the same readers while the gateway's extractor reads the same images at the uploads' rate, on schedule, with no upload and no write (rounds' rises ${closed.rises.extractions.join(", ")})`,
      measured: `×${round(closed.rise.extractions, 2)}; pooled p99 ${closed.latency.extractions.p99} vs ${closed.latency.quiet.p99} ms; ${median(closed.rates.extractions)} extractions/s while reading`,
      goal: "—",
      met: null,
    },
    {
      what: `the same readers with cores to spare: ${headroom.readersPerSecond} calls/s on schedule (${HEADROOM_SHARE} of their rate alone); uploads, control writes and bare extractions each on schedule at ${headroom.ratePerSecond} /s (the burst's rate while reading): p99 rise (${headroom.rises.burst.length} rounds; burst ${headroom.rises.burst.join(", ")}; control ${headroom.rises.writes.join(", ")}; pixels ${headroom.rises.extractions.join(", ")})`,
      measured: `burst ×${round(headroom.rise.burst, 2)}, control ×${round(headroom.rise.writes, 2)}, pixels ×${round(headroom.rise.extractions, 2)}; pooled ${eachPhase((phase) => `p50 ${headroom.latency[phase].p50} / p99 ${headroom.latency[phase].p99} ms`)}; cores busy ${eachPhase((phase) => `${headroom.cores[phase].total}`)}; loop delay p99 ${eachPhase((phase) => `${headroom.mainThread[phase].loopDelayP99Ms} ms`)}`,
      goal: "—",
      met: null,
    },
    {
      what: "the gateway's event loop while the readers read (its readers and writers are clients in processes of their own; medians over the rounds): utilization, the thread on a core and waiting for one (shares of the phase), collector pauses, timer delay p99",
      measured: eachPhase((phase) => {
        const load = closed.mainThread[phase];
        return `${load.utilization} (on a core ${load.onCpu}, waiting ${load.waitingForCpu}; GC ${load.gcMsPerSecond} ms/s, delay p99 ${load.loopDelayP99Ms} ms)`;
      }),
      goal: "—",
      met: null,
    },
    {
      what: "cores kept busy while the readers read, by process (this one: the gateway; medians over the rounds)",
      measured: eachPhase((phase) => {
        const busy = closed.cores[phase];
        return `${busy.total} (this process ${busy.thisProcess}, extraction ${busy.extraction}, Postgres ${busy.postgres}, Neo4j ${busy.neo4j})`;
      }),
      goal: "—",
      met: null,
    },
    {
      what: `CPU per operation at ${readers.cpu.perSecond} /s (the uploads' rate while reading), no readers, above idle: an upload; the control's updateAsset; the upload's extraction alone`,
      measured: (["upload", "write", "extraction"] as const).map((k) => `${k} ${describeCpu(readers.cpu.operations[k])}`).join("; "),
      goal: "—",
      met: null,
    },
  ];
  return {
    checks,
    data: { ...options, jpegBytes: jpeg.length, pngBytes: png.length, jpegLatency, pngLatency, idleLoopDelayP99Ms, throughput, readers, goals: GOALS },
  };
};

// One process of ExtractionProcessPool: decodes (sharp) and clusters one image at a time, at the
// lowered CPU priority its settings name, so that the gateway, Postgres and Neo4j get the cores
// first and extraction takes what they leave. Started with its settings as JSON in argv[2]; ends
// when its parent goes (the IPC channel closes).
import sharp from "sharp";
import { clusterColors, type ClusterResult } from "./clusterColors.ts";
import type { ColorExtractionSettings } from "./colorExtractionSettings.ts";
import { decodeSamples, type Samples } from "./decodeSamples.ts";
import { ImageRejectedError, type ImageRejection } from "./ImageRejectedError.ts";
import { lowerProcessPriority } from "../stack/cpuPriority.ts";

export interface ExtractionTask {
  readonly id: number;
  readonly image: Uint8Array;
  readonly maxColors: number;
}

/** Sent once, when the process can take images: its time limit starts then, not at its start-up. */
export interface ExtractionReady {
  readonly ready: true;
}

export type ExtractionReply = { readonly id: number } & (
  | { readonly result: { readonly image: Omit<Samples, "rgba">; readonly clustered: ClusterResult } }
  | { readonly rejected: { readonly code: ImageRejection; readonly message: string } }
  | { readonly error: string }
);

const settings = JSON.parse(process.argv[2]!) as ColorExtractionSettings;
lowerProcessPriority(settings.nice);
sharp.concurrency(settings.vipsThreads);
process.on("disconnect", () => process.exit(0));
process.send!({ ready: true } satisfies ExtractionReady);

process.on("message", async (task: ExtractionTask) => {
  let reply: ExtractionReply;
  try {
    const image = Buffer.from(task.image.buffer, task.image.byteOffset, task.image.byteLength);
    const { rgba, ...decoded } = await decodeSamples(image, settings);
    const clustered = clusterColors(rgba, {
      maxColors: task.maxColors,
      minCoverage: settings.minCoverage,
      mergeDeltaE00: settings.mergeDeltaE00,
      initialClusters: settings.initialClusters,
    });
    reply = { id: task.id, result: { image: decoded, clustered } };
  } catch (error) {
    reply =
      error instanceof ImageRejectedError
        ? { id: task.id, rejected: { code: error.code, message: error.message } }
        : { id: task.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  // libvips starts its threads during the first decode; they inherit a lowered nice, and this
  // catches any thread a library started from one that was not.
  lowerProcessPriority(settings.nice);
  process.send!(reply);
});

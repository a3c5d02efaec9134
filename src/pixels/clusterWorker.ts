// One clustering thread of ClusterPool: k-means and its passes take 2–25 ms on a 256² sample,
// far too long to run between the gateway's requests on the main event loop.
import { parentPort } from "node:worker_threads";
import { clusterColors, type ClusterOptions, type ClusterResult } from "./clusterColors.ts";

export interface ClusterTask {
  readonly rgba: Uint8Array;
  readonly options: ClusterOptions;
}

export type ClusterReply = { readonly result: ClusterResult } | { readonly error: string };

parentPort!.on("message", (task: ClusterTask) => {
  let reply: ClusterReply;
  try {
    reply = { result: clusterColors(task.rgba, task.options) };
  } catch (error) {
    reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});

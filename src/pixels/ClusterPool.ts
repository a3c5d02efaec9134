// A fixed number of clustering threads (clusterWorker.ts) fed from one queue. Threads start on
// first use; an idle thread is unref'd so an open pool never keeps a process alive, and a thread
// that dies fails only the task it held and is replaced on the next task.
import type { Worker } from "node:worker_threads";
import { startTypescriptWorker, workerEntry } from "../stack/typescriptWorker.ts";
import type { ClusterOptions, ClusterResult } from "./clusterColors.ts";
import type { ClusterReply, ClusterTask } from "./clusterWorker.ts";

const ENTRY = workerEntry("clusterWorker", import.meta.url);

interface Pending {
  readonly task: ClusterTask;
  resolve(result: ClusterResult): void;
  reject(error: Error): void;
}

export class ClusterPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private readonly queue: Pending[] = [];
  private threads = 0;
  private closed = false;

  constructor(private readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`ClusterPool needs at least one thread, got ${size}`);
  }

  run(rgba: Uint8Array, options: ClusterOptions): Promise<ClusterResult> {
    if (this.closed) return Promise.reject(new Error("the color clustering pool is closed"));
    // A copy of its own, so its memory can be moved to the thread rather than copied again.
    const task: ClusterTask = { rgba: new Uint8Array(rgba), options };
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const closing = new Error("the color clustering pool closed before the task finished");
    for (const pending of [...this.queue.splice(0), ...this.busy.values()]) pending.reject(closing);
    const workers = [...this.idle.splice(0), ...this.busy.keys()];
    this.busy.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private dispatch() {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.threads < this.size ? this.start() : undefined);
      if (!worker) return;
      const pending = this.queue.shift()!;
      this.busy.set(worker, pending);
      worker.ref();
      worker.postMessage(pending.task, [pending.task.rgba.buffer as ArrayBuffer]);
    }
  }

  private start(): Worker {
    const worker = startTypescriptWorker(ENTRY);
    this.threads++;
    worker.on("message", (reply: ClusterReply) => {
      const pending = this.busy.get(worker);
      this.busy.delete(worker);
      worker.unref();
      this.idle.push(worker);
      if ("result" in reply) pending?.resolve(reply.result);
      else pending?.reject(new Error(`color clustering failed: ${reply.error}`));
      this.dispatch();
    });
    worker.on("error", (error) => this.lose(worker, error));
    worker.on("exit", (code) => this.lose(worker, new Error(`color clustering thread exited with code ${code}`)));
    return worker;
  }

  private lose(worker: Worker, error: Error) {
    const idleAt = this.idle.indexOf(worker);
    if (idleAt >= 0) this.idle.splice(idleAt, 1);
    const pending = this.busy.get(worker);
    if (!this.busy.delete(worker) && idleAt < 0) return; // already accounted for ('error' then 'exit')
    this.threads--;
    pending?.reject(error);
    if (!this.closed) this.dispatch();
  }
}

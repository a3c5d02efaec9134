// A fixed number of extraction processes (extractionProcess.ts) fed from one queue, each at a
// lowered CPU priority: the OS gives the gateway, Postgres and Neo4j the cores first, and
// extraction uses what they leave. Processes, not threads of the gateway: sharp decodes on libuv's
// thread pool, which the gateway's own file, DNS and crypto work shares, so it cannot be lowered
// alone; and only a process can lead a session of its own, whose autogroup it may lower
// (src/stack/cpuPriority.ts).
//
// Processes start on first use; an idle one is unref'd, so an open pool never keeps the gateway
// alive. A process that dies, or overruns `timeoutMs` (counted once it has started up), fails only
// the extraction it held, with an ExtractionFailedError, and is replaced by the next task.
import type { ChildProcess } from "node:child_process";
import os from "node:os";
import { forkModule } from "../stack/forkModule.ts";
import { workerEntry } from "../stack/typescriptWorker.ts";
import type { ClusterResult } from "./clusterColors.ts";
import type { ColorExtractionSettings } from "./colorExtractionSettings.ts";
import type { Samples } from "./decodeSamples.ts";
import { ExtractionFailedError } from "./ExtractionFailedError.ts";
import type { ExtractionReady, ExtractionReply, ExtractionTask } from "./extractionProcess.ts";
import { ImageRejectedError } from "./ImageRejectedError.ts";

const ENTRY = workerEntry("extractionProcess", import.meta.url);

export interface ProcessExtraction {
  readonly image: Omit<Samples, "rgba">;
  readonly clustered: ClusterResult;
}

interface Pending {
  readonly task: ExtractionTask;
  resolve(result: ProcessExtraction): void;
  reject(error: Error): void;
}

interface Running {
  readonly pending: Pending;
  /** Set once the process is ready: the time limit is the image's, not the process start-up's. */
  timer?: NodeJS.Timeout;
}

export class ExtractionProcessPool {
  private readonly idle: ChildProcess[] = [];
  private readonly busy = new Map<ChildProcess, Running>();
  private readonly queue: Pending[] = [];
  /** Every process started and not yet exited, with the promise of its exit. */
  private readonly processes = new Map<ChildProcess, Promise<void>>();
  private readonly ready = new Set<ChildProcess>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly settings: ColorExtractionSettings) {
    if (!Number.isInteger(settings.processes) || settings.processes < 1) {
      throw new Error(`ExtractionProcessPool needs at least one process, got ${settings.processes}`);
    }
    if (!Number.isInteger(settings.nice) || settings.nice < 0 || settings.nice > 19) {
      throw new Error(`ExtractionProcessPool needs a nice value from 0 to 19, got ${settings.nice}`);
    }
  }

  run(image: Uint8Array, maxColors: number): Promise<ProcessExtraction> {
    if (this.closed) return Promise.reject(new ExtractionFailedError("color extraction is shut down (the gateway is stopping); try again"));
    const task: ExtractionTask = { id: this.nextId++, image, maxColors };
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  /** The running processes' ids (for tests and operators: `ps -o ni -p`). */
  processIds(): number[] {
    return [...this.processes.keys()].map((child) => child.pid!).filter(Boolean);
  }

  async close(): Promise<void> {
    this.closed = true;
    const closing = new ExtractionFailedError("color extraction shut down (the gateway is stopping) before the image was read; try again");
    for (const pending of this.queue.splice(0)) pending.reject(closing);
    for (const [child, running] of this.busy) this.release(child, running).reject(closing);
    const exits = [...this.processes.values()];
    for (const child of this.processes.keys()) {
      hold(child, true); // an unref'd process's exit would not keep the loop alive until it is seen
      child.kill("SIGKILL");
    }
    this.idle.length = 0;
    await Promise.all(exits);
  }

  private dispatch() {
    while (this.queue.length > 0) {
      const child = this.idle.pop() ?? (this.processes.size < this.settings.processes ? this.start() : undefined);
      if (!child) return;
      const running: Running = { pending: this.queue.shift()! };
      this.busy.set(child, running);
      if (this.ready.has(child)) this.startClock(child, running);
      hold(child, true);
      child.send(running.pending.task);
    }
  }

  private start(): ChildProcess {
    // detached: a session, and so an autogroup, of its own (see cpuPriority.ts in src/stack).
    const child = forkModule(ENTRY, [JSON.stringify(this.settings)], { serialization: "advanced", detached: true, stdio: ["ignore", "inherit", "inherit", "ipc"] });
    this.processes.set(
      child,
      new Promise((resolve) => {
        child.once("exit", (code, signal) => {
          this.lose(child, `exited (${signal ?? `code ${code}`})`);
          resolve();
        });
        // A fork that never started emits no 'exit'.
        child.once("error", () => child.pid === undefined && resolve());
      }),
    );
    // At once, so the process never decodes at the gateway's priority; it then lowers its other threads.
    if (child.pid !== undefined) {
      try {
        os.setPriority(child.pid, Math.max(this.settings.nice, os.getPriority()));
      } catch {
        // It is already gone; 'exit' follows.
      }
    }
    child.on("message", (message: ExtractionReply | ExtractionReady) => {
      if (!("ready" in message)) return this.answer(child, message);
      this.ready.add(child);
      const running = this.busy.get(child);
      if (running) this.startClock(child, running);
    });
    child.on("error", (error) => {
      // A fork that failed or a send to a process that is gone; the process is done for either way.
      this.lose(child, `failed (${error.message})`);
      child.kill("SIGKILL");
    });
    return child;
  }

  private answer(child: ChildProcess, reply: ExtractionReply) {
    const running = this.busy.get(child);
    if (!running || running.pending.task.id !== reply.id) return;
    const { resolve, reject } = this.release(child, running);
    this.idle.push(child);
    hold(child, false);
    if ("result" in reply) resolve(reply.result);
    else if ("rejected" in reply) reject(new ImageRejectedError(reply.rejected.code, reply.rejected.message));
    else reject(new Error(`color extraction failed: ${reply.error}`));
    this.dispatch();
  }

  private startClock(child: ChildProcess, running: Running) {
    running.timer = setTimeout(() => this.overrun(child), this.settings.timeoutMs);
  }

  private overrun(child: ChildProcess) {
    const running = this.busy.get(child);
    if (!running) return;
    this.release(child, running).reject(
      new ExtractionFailedError(`color extraction took longer than ${this.settings.timeoutMs} ms and was stopped; try again`),
    );
    child.kill("SIGKILL");
  }

  /** The process is gone or going: fail what it held, forget it, and let the queue start another. */
  private lose(child: ChildProcess, how: string) {
    const running = this.busy.get(child);
    if (running) {
      this.release(child, running).reject(
        new ExtractionFailedError(`the color extraction process ${how} while reading the image, which was not processed; try again`),
      );
    }
    const idleAt = this.idle.indexOf(child);
    if (idleAt >= 0) this.idle.splice(idleAt, 1);
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
      this.processes.delete(child);
      this.ready.delete(child);
    }
    if (!this.closed) this.dispatch();
  }

  private release(child: ChildProcess, running: Running): Pending {
    clearTimeout(running.timer);
    this.busy.delete(child);
    return running.pending;
  }
}

/** A busy process keeps the gateway's event loop alive until it answers; an idle one does not. */
function hold(child: ChildProcess, busy: boolean) {
  if (busy) {
    child.ref();
    child.channel?.ref();
  } else {
    child.unref();
    child.channel?.unref();
  }
}

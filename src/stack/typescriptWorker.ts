// Worker threads do not inherit the loader hooks that let Node run this project's TypeScript (tsx,
// registered by `node --import tsx`): the worker registers tsx itself, then imports its entry.
import { Worker, type WorkerOptions } from "node:worker_threads";

export function startTypescriptWorker(entry: URL, options: Omit<WorkerOptions, "eval"> = {}): Worker {
  const bootstrap = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}

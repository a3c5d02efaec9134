// Worker threads do not inherit the loader hooks that let Node run this project's TypeScript (tsx,
// registered by `node --import tsx`): from source, the worker registers tsx itself, then imports its
// entry. The compiled build (npm run build) has plain JavaScript entries, started as they are.
import { Worker, type WorkerOptions } from "node:worker_threads";

/** A worker module beside the caller: `name` without extension, resolved as the caller was (.ts or .js). */
export function workerEntry(name: string, callerUrl: string): URL {
  return new URL(`./${name}${callerUrl.endsWith(".ts") ? ".ts" : ".js"}`, callerUrl);
}

export function startTypescriptWorker(entry: URL, options: Omit<WorkerOptions, "eval"> = {}): Worker {
  if (!entry.pathname.endsWith(".ts")) return new Worker(entry, options);
  const bootstrap = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}

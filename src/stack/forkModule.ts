// Child processes do not inherit the loader hooks that let Node run this project's TypeScript (tsx,
// registered by `node --import tsx`), so a .ts module is forked with tsx registered by absolute path
// (whatever the working directory); the compiled build (npm run build) forks its .js as it is.
import { fork, type ChildProcess, type ForkOptions } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

export function forkModule(entry: URL, args: readonly string[], options: Omit<ForkOptions, "execArgv"> = {}): ChildProcess {
  const execArgv = entry.pathname.endsWith(".ts") ? ["--import", pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href] : [];
  return fork(fileURLToPath(entry), args, { ...options, execArgv });
}

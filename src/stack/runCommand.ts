// A command run to completion without blocking the event loop: what spawnSync returns, awaited. A
// build that takes a minute (Maven resolving Neo4j on a fresh machine) must not stall the process's
// other work meanwhile; a Postgres connection opened just before would get no startup packet, and
// the server drops it silently after authentication_timeout (60 s).
import { spawn } from "node:child_process";

export interface CommandResult {
  /** The exit code; null when a signal ended it. */
  readonly status: number | null;
  /** Standard output and standard error, interleaved as they arrived. */
  readonly output: string;
}

/** Runs `command`; rejects only when it cannot be started (not installed: `code` "ENOENT"). */
export function runCommand(command: string, args: readonly string[], options: { readonly cwd?: string; readonly env?: NodeJS.ProcessEnv } = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const collect = (chunk: string) => (output += chunk);
    child.stdout.setEncoding("utf8").on("data", collect);
    child.stderr.setEncoding("utf8").on("data", collect);
    child.once("error", reject);
    child.once("close", (status) => resolve({ status, output }));
  });
}

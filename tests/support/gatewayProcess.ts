// The gateway as an operator runs it: a real process, configured only by its environment. By
// default `src/main.ts` through tsx; `command` runs something else (the compiled build).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { projectRoot } from "../../src/stack/paths.ts";

export interface GatewayProcessOptions {
  readonly command?: readonly string[];
  readonly cwd?: string;
}

export type GatewayProcess = ReturnType<typeof startGatewayProcess>;

export function startGatewayProcess(env: Record<string, string>, options: GatewayProcessOptions = {}) {
  const [file, ...args] = options.command ?? [process.execPath, "--import", "tsx", "src/main.ts"];
  const child = spawn(file!, args, {
    cwd: options.cwd ?? projectRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c) => (stdout += c));
  child.stderr.on("data", (c) => (stderr += c));
  const exited = once(child, "exit").then(([code]) => code as number | null);
  return {
    child,
    exited,
    output: () => ({ stdout, stderr }),
    /** The JSON log lines so far. */
    logLines(): Record<string, unknown>[] {
      return stdout
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    async waitFor(text: string, timeoutMs = 90_000): Promise<boolean> {
      const deadline = Date.now() + timeoutMs;
      while (!stdout.includes(text) && child.exitCode === null && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
      }
      return stdout.includes(text);
    },
    /** The base URL once it serves; throws with its output if it stopped or never served. */
    async url(timeoutMs = 90_000): Promise<string> {
      if (!(await this.waitFor("gateway serving", timeoutMs))) {
        throw new Error(`the gateway did not start:\n${stdout}\n${stderr}`);
      }
      return /serving (http:\/\/[^ "]+)\/graphql/.exec(stdout)![1]!;
    },
    async stop(): Promise<number | null> {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

// Ends a benchmark's client process and waits until it has exited, so no client outlives its phase.
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";

export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill(signal);
  await exited;
}

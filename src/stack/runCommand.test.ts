import { describe, expect, it } from "vitest";
import { runCommand } from "./runCommand.ts";

describe("runCommand", () => {
  it("returns the exit status and both streams' output, and the event loop keeps running meanwhile", async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 50);
    try {
      const script = "setTimeout(() => { console.log('to stdout'); console.error('to stderr'); process.exit(3); }, 600)";
      const result = await runCommand(process.execPath, ["-e", script]);
      expect(result.status).toBe(3);
      expect(result.output).toContain("to stdout");
      expect(result.output).toContain("to stderr");
      // spawnSync would have held the loop for the whole 600 ms: not one tick.
      expect(ticks).toBeGreaterThanOrEqual(5);
    } finally {
      clearInterval(ticker);
    }
  });

  it("rejects with ENOENT when the command is not installed", async () => {
    await expect(runCommand("mobius-no-such-command", [])).rejects.toMatchObject({ code: "ENOENT" });
  });
});

import { spawn } from "node:child_process";
import { once } from "node:events";
import { Worker } from "node:worker_threads";
import { createColorExtractor } from "../../src/pixels/createColorExtractor.ts";
import { defaultColorExtractionSettings } from "../../src/pixels/colorExtractionSettings.ts";
import { poster } from "../../src/pixels/syntheticImages.ts";
import { describe, expect, it } from "vitest";
import { cpuTimeBetween, processCpuSeconds, readCpuTime } from "../../bench/support/cpuTime.ts";

/** A worker thread that stays on the CPU until its own thread has spent `seconds` (by /proc/thread-self). */
const SPINNER = `
  const { readFileSync } = require("node:fs");
  const { workerData } = require("node:worker_threads");
  const cpu = () => { const s = readFileSync("/proc/thread-self/stat", "utf8"); const f = s.slice(s.lastIndexOf(")") + 2).split(" "); return (Number(f[11]) + Number(f[12])) / 100; };
  const until = cpu() + workerData;
  while (cpu() < until);
`;

describe("CPU time from /proc", () => {
  it("counts every thread of this process, and the main thread's reading leaves out the others'", async () => {
    const before = readCpuTime();
    // Another thread spends 0.4 s of CPU while this one waits.
    const worker = new Worker(SPINNER, { eval: true, workerData: 0.4 });
    await new Promise((resolve) => worker.once("exit", resolve));
    const spent = cpuTimeBetween(before, readCpuTime());
    expect(spent.gatewayProcess).toBeGreaterThanOrEqual(0.4);
    expect(spent.gatewayMainThread).toBeLessThan(0.2);
  });

  it("reads another process's CPU, every thread of it, and 0 once it has exited", async () => {
    // The child's worker thread spends 0.4 s of CPU, then the child waits to be killed.
    const child = spawn(process.execPath, ["-e", `new (require("node:worker_threads").Worker)(${JSON.stringify(SPINNER)}, { eval: true, workerData: 0.4 }).on("exit", () => { console.log("spent"); setInterval(() => {}, 1000); });`], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const [chunk] = (await once(child.stdout!, "data")) as [Buffer];
    expect(chunk.toString()).toContain("spent");
    const before = readCpuTime();
    expect(processCpuSeconds(child.pid!)).toBeGreaterThanOrEqual(0.4);
    expect(cpuTimeBetween(before, readCpuTime()).gatewayProcess).toBeLessThan(0.2);
    const exited = once(child, "exit");
    child.kill();
    await exited;
    expect(processCpuSeconds(child.pid!)).toBe(0);
  });

  it("reads every Postgres process of the server (the suite's Postgres is running) and never counts one's time below zero", () => {
    const first = readCpuTime();
    expect(first.postgres.size).toBeGreaterThan(0);
    const gone = { ...first, postgres: new Map([...first.postgres, ["999999999", 5]]) };
    expect(cpuTimeBetween(gone, readCpuTime()).postgres).toBeGreaterThanOrEqual(0);
  });

  it("counts the color extraction processes apart from this one", async () => {
    const extractor = createColorExtractor({ ...defaultColorExtractionSettings, nice: 0 });
    try {
      const image = await poster(1024, "png");
      await extractor.extract(image); // the process starts
      const before = readCpuTime();
      for (let i = 0; i < 10; i++) await extractor.extract(image);
      const spent = cpuTimeBetween(before, readCpuTime());
      expect(spent.extraction).toBeGreaterThan(0);
      expect(spent.gatewayProcess).toBeLessThan(spent.extraction);
    } finally {
      await extractor.close();
    }
  });
});

import { Worker } from "node:worker_threads";
import { createColorExtractor } from "../../src/pixels/createColorExtractor.ts";
import { defaultColorExtractionSettings } from "../../src/pixels/colorExtractionSettings.ts";
import { poster } from "../../src/pixels/syntheticImages.ts";
import { describe, expect, it } from "vitest";
import { cpuTimeBetween, readCpuTime, threadCpuSeconds } from "../../bench/support/cpuTime.ts";

/** A worker thread that stays on the CPU until its own thread has spent `seconds` (by /proc/thread-self). */
const SPINNER = `
  const { readFileSync } = require("node:fs");
  const { workerData } = require("node:worker_threads");
  const cpu = () => { const s = readFileSync("/proc/thread-self/stat", "utf8"); const f = s.slice(s.lastIndexOf(")") + 2).split(" "); return (Number(f[11]) + Number(f[12])) / 100; };
  const until = cpu() + workerData;
  while (cpu() < until);
`;

describe("CPU time from /proc", () => {
  it("counts every thread of this process, and a thread's own reading leaves out the others'", async () => {
    const before = readCpuTime();
    const threadBefore = threadCpuSeconds();
    // Another thread spends 0.4 s of CPU while this one waits.
    const worker = new Worker(SPINNER, { eval: true, workerData: 0.4 });
    await new Promise((resolve) => worker.once("exit", resolve));
    const spent = cpuTimeBetween(before, readCpuTime());
    expect(spent.gatewayProcess).toBeGreaterThanOrEqual(0.4);
    expect(spent.gatewayMainThread).toBeLessThan(0.2);
    expect(threadCpuSeconds() - threadBefore).toBeLessThan(0.2);
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

import { Worker } from "node:worker_threads";
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
    expect(threadCpuSeconds() - threadBefore).toBeLessThan(0.2);
  });

  it("reads every Postgres process of the server (the suite's Postgres is running) and never counts one's time below zero", () => {
    const first = readCpuTime();
    expect(first.postgres.size).toBeGreaterThan(0);
    const gone = { ...first, postgres: new Map([...first.postgres, ["999999999", 5]]) };
    expect(cpuTimeBetween(gone, readCpuTime()).postgres).toBeGreaterThanOrEqual(0);
  });
});

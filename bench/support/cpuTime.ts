// CPU time by who spent it, read from /proc (Linux): this process (the gateway and its drainer
// thread), the gateway's color extraction processes, every Postgres process of the server, and
// every local Neo4j JVM (src/stack/localNeo4j.ts). On two shared cores a saturated
// phase's throughput is a ratio of CPU per request, so the CPU each side spends per mutation says
// where a throughput ratio comes from.
// Each process is compared with itself: one that starts between two readings counts from zero, one
// that exits takes its time with it (never a negative share). Other work on the machine running
// Postgres or a local Neo4j is counted too; the benchmark runs alone.
import fs from "node:fs";
import { round } from "./stats.ts";

/** Seconds of CPU spent between two readings, by who spent them. */
export interface CpuTime {
  /** This process, every thread. */
  readonly gatewayProcess: number;
  /** Of this process, its main thread alone. */
  readonly gatewayMainThread: number;
  /** The color extraction processes (src/pixels/extractionProcess.ts). */
  readonly extraction: number;
  readonly postgres: number;
  readonly neo4j: number;
  /** Of `neo4j`, what its JIT compiler threads spent: the JVM warming up, not serving. */
  readonly neo4jJit: number;
}

/** Seconds of CPU (user + system) each process has spent so far, by pid. */
export interface CpuReading {
  readonly gatewayProcess: number;
  readonly gatewayMainThread: number;
  readonly extraction: ReadonlyMap<string, number>;
  readonly postgres: ReadonlyMap<string, number>;
  readonly neo4j: ReadonlyMap<string, number>;
  readonly neo4jJit: ReadonlyMap<string, number>;
}

export function readCpuTime(): CpuReading {
  const extraction = new Map<string, number>();
  const postgres = new Map<string, number>();
  const neo4j = new Map<string, number>();
  const neo4jJit = new Map<string, number>();
  for (const pid of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    const comm = readOrEmpty(`/proc/${pid}/comm`).trim();
    if (comm === "postgres") postgres.set(pid, cpuSecondsOf(`/proc/${pid}/stat`));
    else if (comm === "node" && readOrEmpty(`/proc/${pid}/cmdline`).includes("extractionProcess")) extraction.set(pid, cpuSecondsOf(`/proc/${pid}/stat`));
    else if (comm === "java" && readOrEmpty(`/proc/${pid}/cmdline`).includes("mobius.LocalNeo4j")) {
      neo4j.set(pid, cpuSecondsOf(`/proc/${pid}/stat`));
      neo4jJit.set(pid, jitSecondsOf(pid));
    }
  }
  return { gatewayProcess: cpuSecondsOf("/proc/self/stat"), gatewayMainThread: cpuSecondsOf(`/proc/self/task/${process.pid}/stat`), extraction, postgres, neo4j, neo4jJit };
}

export function cpuTimeBetween(from: CpuReading, to: CpuReading): CpuTime {
  const spent = (before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>) =>
    [...after].reduce((sum, [pid, seconds]) => sum + Math.max(0, seconds - (before.get(pid) ?? 0)), 0);
  return {
    gatewayProcess: to.gatewayProcess - from.gatewayProcess,
    gatewayMainThread: to.gatewayMainThread - from.gatewayMainThread,
    extraction: spent(from.extraction, to.extraction),
    postgres: spent(from.postgres, to.postgres),
    neo4j: spent(from.neo4j, to.neo4j),
    neo4jJit: spent(from.neo4jJit, to.neo4jJit),
  };
}

/** CPU seconds another process has spent so far, every thread of it; 0 once it has exited. */
export function processCpuSeconds(pid: number): number {
  return cpuSecondsOf(`/proc/${pid}/stat`);
}

/** HotSpot names its compiler threads "C1 CompilerThreadN" and "C2 CompilerThreadN" (15 characters shown). */
function jitSecondsOf(pid: string): number {
  let seconds = 0;
  let tasks: string[] = [];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return 0;
  }
  for (const task of tasks) {
    if (/^C[12] CompilerThre/.test(readOrEmpty(`/proc/${pid}/task/${task}/comm`))) seconds += cpuSecondsOf(`/proc/${pid}/task/${task}/stat`);
  }
  return seconds;
}

/** The kernel counts in clock ticks of 1/100 s on Linux (USER_HZ, fixed for /proc). */
const TICKS_PER_SECOND = 100;

function cpuSecondsOf(statFile: string): number {
  const stat = readOrEmpty(statFile);
  // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const [utime, stime] = [Number(fields[11]), Number(fields[12])];
  return Number.isFinite(utime) && Number.isFinite(stime) ? (utime + stime) / TICKS_PER_SECOND : 0;
}

/** A process may exit while the directory is read. */
function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** Cores each part of the machine kept busy over a stretch of time (this process counts every thread of it). */
export interface CoresBusy {
  readonly thisProcess: number;
  readonly extraction: number;
  readonly postgres: number;
  readonly neo4j: number;
  readonly total: number;
}

/** Starts watching; the returned function stops and tells the cores each part kept busy meanwhile. */
export function watchCores(): () => CoresBusy {
  const [from, started] = [readCpuTime(), performance.now()];
  return () => {
    const spent = cpuTimeBetween(from, readCpuTime());
    const seconds = (performance.now() - started) / 1000;
    const cores = (cpuSeconds: number) => round(cpuSeconds / seconds, 3);
    const parts = { thisProcess: cores(spent.gatewayProcess), extraction: cores(spent.extraction), postgres: cores(spent.postgres), neo4j: cores(spent.neo4j) };
    return { ...parts, total: cores(spent.gatewayProcess + spent.extraction + spent.postgres + spent.neo4j) };
  };
}

// CPU time by who spent it, read from /proc (Linux): this process (the gateway, its drainer thread
// and the load's worker thread), every Postgres process of the server, and every local Neo4j JVM
// (src/stack/localNeo4j.ts). On two shared cores a saturated phase's throughput is a ratio of CPU
// per request, so the CPU each side spends per mutation says where a throughput ratio comes from.
// A process that exits between two readings takes its time with it: read while the phase's
// connections are still open. Other work on the machine running Postgres or a local Neo4j is
// counted too; the benchmark runs alone.
import fs from "node:fs";

export interface CpuTime {
  /** This process, every thread. */
  readonly gatewayProcess: number;
  readonly postgres: number;
  readonly neo4j: number;
  /** Of `neo4j`, what its JIT compiler threads spent: the JVM warming up, not serving. */
  readonly neo4jJit: number;
}

/** Seconds of CPU (user + system) each has spent so far. */
export function readCpuTime(): CpuTime {
  let postgres = 0;
  let neo4j = 0;
  let neo4jJit = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const comm = readOrEmpty(`/proc/${entry}/comm`).trim();
    if (comm === "postgres") postgres += cpuSecondsOf(`/proc/${entry}/stat`);
    else if (comm === "java" && readOrEmpty(`/proc/${entry}/cmdline`).includes("mobius.LocalNeo4j")) {
      neo4j += cpuSecondsOf(`/proc/${entry}/stat`);
      neo4jJit += jitSecondsOf(entry);
    }
  }
  return { gatewayProcess: cpuSecondsOf("/proc/self/stat"), postgres, neo4j, neo4jJit };
}

/** CPU seconds of the calling thread alone (a worker thread reads its own). */
export function threadCpuSeconds(): number {
  return cpuSecondsOf("/proc/thread-self/stat");
}

export function cpuTimeBetween(from: CpuTime, to: CpuTime): CpuTime {
  return {
    gatewayProcess: to.gatewayProcess - from.gatewayProcess,
    postgres: to.postgres - from.postgres,
    neo4j: to.neo4j - from.neo4j,
    neo4jJit: to.neo4jJit - from.neo4jJit,
  };
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

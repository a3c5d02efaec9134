// How background work puts itself behind the gateway's requests on the CPU: the color extraction
// processes (lowerProcessPriority) and the graph sync's thread (lowerThreadPriority). Two Linux
// details decide the shape:
// - A nice value belongs to a thread, not a process: setpriority(pid) reaches only the main
//   thread, and the threads V8 and libuv started before it keep theirs. So a process lowers every
//   thread listed in /proc/self/task; threads started later (libvips') inherit from a lowered one.
//   A worker thread lowers itself alone, by its own thread id, and the process's other threads,
//   the request handlers among them, keep theirs.
// - With autogroup scheduling (sched_autogroup_enabled, the default on most distributions) nice
//   only ranks threads of one session; sessions share the CPU as equals. The extraction pool starts
//   each process in a session of its own (detached), so its autogroup's nice is lowered too: else
//   the process would compete as an equal with Postgres' and Neo4j's sessions. A process that is
//   not its session's leader leaves the autogroup alone, which would be its parent's. A thread
//   lowered alone ranks below its own process's threads only.
// Elsewhere (macOS, a container's cgroup) setpriority of the process is all there is, and enough.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export function lowerProcessPriority(nice: number): void {
  for (const tid of threadIds()) lowerThread(tid, nice);
  if (leadsOwnSession()) {
    try {
      fs.writeFileSync("/proc/self/autogroup", String(nice));
    } catch {
      // No autogroup in this kernel.
    }
  }
}

/**
 * Lowers the calling thread (a worker thread's own) and no other; returns its thread id, or null
 * where there is no procfs to name it. libuv starts its pool's threads at their first use, from the
 * thread using them, and a thread inherits its creator's nice: started from a lowered thread, the
 * pool would take the whole process's file, DNS and crypto work down with it. One call through the
 * pool first makes sure it is running.
 */
export async function lowerThreadPriority(nice: number): Promise<number | null> {
  await fs.promises.access(".");
  let tid: number;
  try {
    tid = Number(path.basename(fs.readlinkSync("/proc/thread-self")));
  } catch {
    return null;
  }
  lowerThread(tid, nice);
  return tid;
}

function lowerThread(tid: number, nice: number): void {
  try {
    if (os.getPriority(tid) < nice) os.setPriority(tid, nice);
  } catch {
    // The thread ended between the listing and the call.
  }
}

function threadIds(): number[] {
  try {
    return fs.readdirSync("/proc/self/task").map(Number);
  } catch {
    return [0]; // no procfs: 0 is this process
  }
}

function leadsOwnSession(): boolean {
  try {
    const stat = fs.readFileSync("/proc/self/stat", "utf8");
    // After "pid (comm) ": state, ppid, pgrp, session. comm may hold spaces and parentheses.
    const session = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[3]);
    return session === process.pid;
  } catch {
    return false;
  }
}

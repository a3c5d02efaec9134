// How an extraction process puts itself behind the gateway's requests on the CPU. Two Linux details
// decide the shape:
// - A nice value belongs to a thread, not a process: setpriority(pid) reaches only the main
//   thread, and the threads V8 and libuv started before it keep theirs. So every thread listed in
//   /proc/self/task is lowered; threads started later (libvips') inherit from a lowered one.
// - With autogroup scheduling (sched_autogroup_enabled, the default on most distributions) nice
//   only ranks threads of one session; sessions share the CPU as equals. The pool starts each
//   process in a session of its own (detached), so its autogroup's nice is lowered too: else the
//   process would compete as an equal with Postgres' and Neo4j's sessions. A process that is not
//   its session's leader leaves the autogroup alone, which would be its parent's.
// Elsewhere (macOS, a container's cgroup) setpriority of the process is all there is, and enough.
import fs from "node:fs";
import os from "node:os";

export function lowerOwnPriority(nice: number): void {
  for (const tid of threadIds()) {
    try {
      if (os.getPriority(tid) < nice) os.setPriority(tid, nice);
    } catch {
      // The thread ended between the listing and the call.
    }
  }
  if (leadsOwnSession()) {
    try {
      fs.writeFileSync("/proc/self/autogroup", String(nice));
    } catch {
      // No autogroup in this kernel.
    }
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

// The Postgres database and the Neo4j of this test worker, as the global setup started them.
import { inject } from "vitest";
import { currentWorker } from "./testStack.ts";

export interface WorkerStack {
  readonly databaseUrl: string;
  readonly neo4jUri: string;
}

export function workerStack(): WorkerStack {
  const stacks = inject("stacks");
  const stack = stacks[currentWorker() - 1];
  if (!stack) throw new Error(`No test servers for worker ${currentWorker()} (the global setup started ${stacks.length})`);
  return stack;
}

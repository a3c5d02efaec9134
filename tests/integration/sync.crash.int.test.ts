// A gateway SIGKILLed after committing writes but before projecting them loses nothing: a gateway
// started afterwards (the real src/main.ts) finds the events in the outbox and converges the graph.
// Runs on a database of its own, so the restarted gateway's drainer sees only this test's outbox.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDriver } from "../../src/graph/createDriver.ts";
import { loadConfig } from "../../src/config/config.ts";
import { createPrisma, type PrismaClient } from "../../src/postgres/createPrisma.ts";
import { projectRoot } from "../../src/stack/paths.ts";
import { expectedGraphSlice, readGraphSlice } from "../support/graphSlice.ts";
import { createIsolatedDatabase } from "../support/isolatedDatabase.ts";
import { eventually, outboxRows } from "../support/outbox.ts";
import { newScope, uniqueHex, type TestScope } from "../support/syncedWrites.ts";
import { workerStack } from "../support/workerStack.ts";

let databaseUrl: string;
let prisma: PrismaClient;
beforeAll(async () => {
  databaseUrl = await createIsolatedDatabase("crash");
  prisma = createPrisma(databaseUrl, { maxConnections: 2 });
}, 120_000);
afterAll(() => prisma?.$disconnect());

function run(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: databaseUrl, NEO4J_URI: workerStack().neo4jUri, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let buffered = "";
  child.stdout!.on("data", (chunk) => {
    buffered += chunk;
    const parts = buffered.split("\n");
    buffered = parts.pop()!;
    lines.push(...parts);
  });
  child.stderr!.resume();
  return { child, lines };
}

async function kill(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill(signal);
  await exited;
}

describe("a gateway killed between commit and projection", () => {
  it("leaves its writes in the outbox, and a restarted gateway converges the graph", { timeout: 180_000 }, async () => {
    const scope: TestScope = newScope();
    const hexes = Array.from({ length: 5 }, () => uniqueHex(scope));

    const doomed = run(["tests/support/crashingWriter.ts", hexes.join(",")], {});
    await eventually(async () => doomed.lines, (lines) => lines.includes("DOOMED") || doomed.child.exitCode !== null, 120_000);
    expect(doomed.lines).toContain("DOOMED");
    await kill(doomed.child, "SIGKILL");

    const written = JSON.parse(doomed.lines.filter((l) => l.startsWith("{")).at(-1)!);
    for (const key of ["brands", "assets", "feedback", "templates"] as const) for (const id of written[key]) scope[key].add(id);
    const eventIds: bigint[] = written.eventIds.map(BigInt);
    expect((await outboxRows(prisma, eventIds)).filter((e) => e.appliedAt === null).length).toBeGreaterThan(0);

    const restarted = run(["src/main.ts"], { PORT: "0", LOG_LEVEL: "info", GRAPH_SYNC_POLL_INTERVAL_MS: "100" });
    try {
      await eventually(() => outboxRows(prisma, eventIds), (rows) => rows.every((r) => r.appliedAt !== null), 120_000);
    } finally {
      await kill(restarted.child, "SIGTERM");
    }

    const driver = createDriver(workerStack().neo4jUri, loadConfig({}).neo4j);
    try {
      const graph = { driver, database: "neo4j" };
      expect(await readGraphSlice(graph, scope)).toEqual(await expectedGraphSlice(prisma, scope));
      expect((await readGraphSlice(graph, scope)).brands).toHaveLength(10);
    } finally {
      await driver.close();
    }
  });
});

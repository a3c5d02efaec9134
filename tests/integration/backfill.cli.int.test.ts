// The backfill CLI as an operator runs it: a separate process calling a running gateway.
import { execFile, spawn } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedGraphSlice, readGraphSlice } from "../support/graphSlice.ts";
import { createTestDeps, startTestGateway, type TestGateway } from "../support/testDeps.ts";
import { seedUnsynced } from "../support/unsyncedData.ts";

const root = path.resolve(import.meta.dirname, "../..");

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)("node", ["--import", "tsx", "scripts/backfill.ts", ...args], {
      cwd: root,
      env: { ...process.env, MOBIUS_TOKEN: "" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway(createTestDeps({ config: { graphSyncEnabled: false } }));
});
afterAll(() => gateway.close());

describe("scripts/backfill.ts", () => {
  it("prints the usage and exits 2 without exactly one of --dry-run and --execute", async () => {
    for (const args of [[], ["--dry-run", "--execute"], ["--execute", "--bogus"]]) {
      const { code, stdout, stderr } = await cli(...args);
      expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
      expect(stderr).toContain("Usage: npm run backfill -- (--dry-run | --execute)");
    }
  });

  it("dry-runs against a gateway, printing progress lines and a summary table, and writes nothing", async () => {
    const data = await seedUnsynced(gateway.deps);

    const { code, stdout } = await cli("--dry-run", "--url", `${gateway.url}/graphql`, "--organizations", data.organizationId, "--batch-size", "1", "--window", "4");

    expect(code).toBe(0);
    // Not a terminal: plain lines, one per request of 4 one-id batches over 10 rows.
    expect(stdout.match(/^backfill \(dry run\): \d+\/10 /gm)?.length).toBeGreaterThanOrEqual(3);
    expect(stdout).toMatch(/^entity\s+created\s+updated\s+unchanged\s+deferred\s+total$/m);
    expect(stdout).toMatch(/^brand\s+3\s+0\s+0\s+0\s+3$/m);
    expect(stdout).toMatch(/^template\s+2\s+0\s+0\s+0\s+2$/m);
    expect(stdout).toMatch(/finished in/);
    expect((await readGraphSlice(gateway.deps.graph!, data.scope)).brands).toEqual([]);
  });

  it("executes a backfill and then a reconcile that finds nothing left to repair", async () => {
    const data = await seedUnsynced(gateway.deps);
    const scope = ["--url", `${gateway.url}/graphql`, "--organizations", data.organizationId];

    expect((await cli("--execute", ...scope)).code).toBe(0);
    const { code, stdout } = await cli("--dry-run", "--reconcile", ...scope);

    expect(code).toBe(0);
    expect(stdout).toMatch(/^brand\s+0\s+0\s+0\s+0\s+0\s+0\s+3\s+3$/m);
    expect(await readGraphSlice(gateway.deps.graph!, data.scope)).toEqual(await expectedGraphSlice(gateway.deps.prisma, data.scope));
  });

  it("dry-runs a reconcile of the whole database, colors included, with counts per label", async () => {
    await seedUnsynced(gateway.deps);

    const { code, stdout } = await cli("--dry-run", "--reconcile", "--url", `${gateway.url}/graphql`, "--batch-size", "5000");

    expect(code).toBe(0);
    for (const entity of ["brand", "asset", "feedback", "template", "color"]) {
      // entity, missing, extra, differing, differingNodes, differingRelationships, repaired, postgresCount, graphCount
      expect(stdout).toMatch(new RegExp(`^${entity}(\\s+\\d+){8}$`, "m"));
    }
  });

  it("stops after the request in flight on Ctrl-C and resumes from there with --resume", async () => {
    const data = await seedUnsynced(gateway.deps);
    const scope = ["--url", `${gateway.url}/graphql`, "--organizations", data.organizationId, "--batch-size", "1", "--window", "1"];
    const child = spawn("node", ["--import", "tsx", "scripts/backfill.ts", "--execute", ...scope], { cwd: root });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      if (/^backfill: 1\/10 /m.test(stdout)) child.kill("SIGINT");
    });
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));

    expect(code).toBe(130);
    const runId = /resume with --resume (\S+)/.exec(stderr)?.[1];
    const interrupted = await gateway.deps.prisma.backfillRun.findUniqueOrThrow({ where: { id: runId } });
    expect(interrupted.finishedAt).toBeNull();
    expect(interrupted.batches).toBeLessThan(10);

    const resumed = await cli("--execute", ...scope, "--resume", runId!);

    expect(resumed.code).toBe(0);
    // 3 created and none unchanged: a brand projected before Ctrl-C and visited again would count as unchanged.
    expect(resumed.stdout).toMatch(/^brand\s+3\s+0\s+0\s+0\s+3$/m);
    const finished = await gateway.deps.prisma.backfillRun.findUniqueOrThrow({ where: { id: runId } });
    expect(finished.finishedAt).not.toBeNull();
    expect(await readGraphSlice(gateway.deps.graph!, data.scope)).toEqual(await expectedGraphSlice(gateway.deps.prisma, data.scope));
  });

  it("reports a bad argument from the gateway and exits 1", async () => {
    const { code, stderr } = await cli("--dry-run", "--url", `${gateway.url}/graphql`, "--entities", "brand,widget");

    expect(code).toBe(1);
    expect(stderr).toContain('BAD_USER_INPUT: entities: unknown entity kind "widget"');
  });
});

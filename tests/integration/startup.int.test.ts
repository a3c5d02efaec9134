// The gateway as an operator runs it: a real process, configured only by its environment.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { mintToken } from "../../src/auth/mintToken.ts";
import { DEMO_COLORS, DEMO_ORGANIZATIONS } from "../../src/demo/demoData.ts";
import { projectRoot } from "../../src/stack/paths.ts";
import { createIsolatedDatabase } from "../support/isolatedDatabase.ts";
import { workerStack } from "../support/workerStack.ts";

const SECRET = "startup-test-secret-of-32-characters!";

function runGateway(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c) => (stdout += c));
  child.stderr.on("data", (c) => (stderr += c));
  return {
    child,
    output: () => ({ stdout, stderr }),
    async waitFor(text: string, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (!stdout.includes(text) && child.exitCode === null && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
      }
      return stdout.includes(text);
    },
  };
}

describe("starting the gateway", () => {
  it("stops with one clear line naming DATABASE_URL when Postgres cannot be reached", async () => {
    const gateway = runGateway({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/nowhere", PORT: "0" });
    const [code] = await once(gateway.child, "exit");
    const { stderr } = gateway.output();
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^Cannot reach Postgres \(DATABASE_URL\)/);
  });

  it("refuses to start in production without a token key", async () => {
    const gateway = runGateway({ NODE_ENV: "production", PORT: "0" });
    const [code] = await once(gateway.child, "exit");
    expect(code).toBe(1);
    expect(gateway.output().stderr).toMatch(/AUTH_JWT_SECRET: production \(NODE_ENV=production\) refuses to start/);
  });

  it("stops with one line per bad variable and never echoes a secret", async () => {
    const gateway = runGateway({ DATABASE_URL: "mysql://root:hunter2@db/x", PORT: "http" });
    const [code] = await once(gateway.child, "exit");
    const { stderr } = gateway.output();
    expect(code).toBe(1);
    expect(stderr).toContain("DATABASE_URL: expected a postgresql:// connection URL");
    expect(stderr).toContain("PORT: expected a port number");
    expect(stderr).not.toContain("hunter2");
  });

  it("serves the Postgres side and reports the graph unavailable when NEO4J_URI does not answer", async () => {
    const gateway = runGateway({
      DATABASE_URL: workerStack().databaseUrl,
      NEO4J_URI: "bolt://127.0.0.1:1",
      AUTH_JWT_SECRET: SECRET,
      // Its drainer would poll the shared outbox and reschedule other tests' events as failed.
      GRAPH_SYNC_ENABLED: "false",
      PORT: "0",
      LOG_LEVEL: "info",
    });
    try {
      expect(await gateway.waitFor("gateway serving")).toBe(true);
      const { stdout } = gateway.output();
      const unavailable = stdout.split("\n").filter((line) => line.includes("graph unavailable"));
      expect(unavailable).toHaveLength(1);
      const url = /serving (http:\/\/[^/]+)\/graphql/.exec(stdout)![1];
      const res = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${await mintToken(SECRET, { organizationId: "org-1", role: "viewer" })}`,
        },
        body: JSON.stringify({ query: "{ health { postgres graph } }" }),
      });
      expect(await res.json()).toEqual({ data: { health: { postgres: true, graph: "UNHEALTHY" } } });
    } finally {
      gateway.child.kill("SIGTERM");
      const [code] = await once(gateway.child, "exit");
      expect(code).toBe(0);
    }
  });
});

describe("the first start on an empty database", () => {
  it("has the demo data in the graph before it says it is serving, and is ready at once", async () => {
    // A database of its own, so its drainer polls only its own outbox; no key, so the pages'
    // development token is handed out, as on a fresh clone.
    const gateway = runGateway({ DATABASE_URL: await createIsolatedDatabase("first_start"), NEO4J_URI: workerStack().neo4jUri, PORT: "0", LOG_LEVEL: "info" });
    try {
      expect(await gateway.waitFor("gateway serving", 120_000), gateway.output().stderr).toBe(true);
      const { stdout } = gateway.output();
      const messages = stdout.split("\n").filter((line) => line.startsWith("{")).map((line) => (JSON.parse(line) as { msg: string }).msg);
      const order = ["database was empty: seeded the demo data set", "demo data is in the graph"].map((msg) => messages.indexOf(msg));
      expect(order.every((index) => index >= 0), messages.join("\n")).toBe(true);
      expect(order[1]!).toBeGreaterThan(order[0]!);
      expect(messages.findIndex((msg) => msg.startsWith("gateway serving"))).toBeGreaterThan(order[1]!);
      expect(messages.some((msg) => msg.includes("still catching up"))).toBe(false);

      // The first requests a new user's pages make, right away: every graph answer is already there.
      const url = /serving (http:\/\/[^/]+)\/graphql/.exec(stdout)![1];
      expect(await (await fetch(`${url}/ready`)).json()).toEqual({ ready: true, postgres: "ready", capture: { ready: true }, graph: "HEALTHY", graphCatchingUp: false });
      const { token } = (await (await fetch(`${url}/dev/token`)).json()) as { token: string };
      const [firstBrand] = DEMO_ORGANIZATIONS[0]!.brands;
      const hex = DEMO_COLORS[firstBrand!.palette[0]!].hex;
      const res = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: `query($hex: String!) {
            color(hex: $hex) { brands { brand { name } } }
            brands(first: 1) { edges { node { name similarBrands(minSharedColors: 1) { brand { name } } } } }
          }`,
          variables: { hex },
        }),
      });
      const reply = (await res.json()) as { data: any; errors?: unknown };
      expect(reply.errors).toBeUndefined();
      // Color.brands and similarBrands name only brands of this database: the graph has its demo set.
      expect(reply.data.color.brands.map((o: { brand: { name: string } }) => o.brand.name)).toContain(firstBrand!.name);
      expect(reply.data.brands.edges[0].node.name).toBe(firstBrand!.name);
      expect(reply.data.brands.edges[0].node.similarBrands.length).toBeGreaterThan(0);
    } finally {
      gateway.child.kill("SIGTERM");
      const [code] = await once(gateway.child, "exit");
      expect(code).toBe(0);
    }
  }, 180_000);
});

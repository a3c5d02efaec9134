// Production mode refuses to guess: without a database, a graph or a token key it names what is
// missing and stops; with them it serves only what it was given (no demo data, no dev token).
import { describe, expect, it } from "vitest";
import pg from "pg";
import { createIsolatedDatabase } from "../support/isolatedDatabase.ts";
import { startGatewayProcess } from "../support/gatewayProcess.ts";
import { workerStack } from "../support/workerStack.ts";

const SECRET = "production-test-secret-of-32-chars!!";
const complete = () => ({
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://postgres@127.0.0.1:1/unused",
  NEO4J_URI: "bolt://127.0.0.1:1",
  AUTH_JWT_SECRET: SECRET,
  PORT: "0",
});

async function refusal(env: Record<string, string>) {
  const gateway = startGatewayProcess(env);
  const code = await gateway.exited;
  return { code, lines: gateway.output().stderr.trim().split("\n") };
}

describe("production mode", () => {
  it("refuses to start without DATABASE_URL rather than use an embedded Postgres", async () => {
    const { DATABASE_URL: _, ...env } = complete();
    expect(await refusal(env)).toEqual({
      code: 1,
      lines: ["Invalid configuration:", "DATABASE_URL: production (NODE_ENV=production) refuses to start without a Postgres URL"],
    });
  });

  it("refuses to start without NEO4J_URI rather than start a local Neo4j", async () => {
    const { NEO4J_URI: _, ...env } = complete();
    expect(await refusal(env)).toEqual({
      code: 1,
      lines: ["Invalid configuration:", "NEO4J_URI: production (NODE_ENV=production) refuses to start without a Neo4j URI"],
    });
  });

  it("refuses to start without a token key rather than make a development secret", async () => {
    const { AUTH_JWT_SECRET: _, ...env } = complete();
    expect(await refusal(env)).toEqual({
      code: 1,
      lines: [
        "Invalid configuration:",
        "AUTH_JWT_SECRET: production (NODE_ENV=production) refuses to start without AUTH_JWT_SECRET, AUTH_PUBLIC_KEY or AUTH_JWKS_URL",
      ],
    });
  });

  it("names every missing setting at once, one line each", async () => {
    const { lines, code } = await refusal({ NODE_ENV: "production", PORT: "0" });
    expect(code).toBe(1);
    expect(lines.slice(1).map((line) => line.split(":")[0])).toEqual(["DATABASE_URL", "NEO4J_URI", "AUTH_JWT_SECRET"]);
  });

  it("serves an empty database without seeding demo data, with no development token route, on the HOST given", async () => {
    const databaseUrl = await createIsolatedDatabase("production");
    const gateway = startGatewayProcess({
      ...complete(),
      DATABASE_URL: databaseUrl,
      NEO4J_URI: workerStack().neo4jUri,
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
    });
    try {
      const url = await gateway.url();
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${url}/dev/token`)).status).toBe(404);
      expect((await fetch(`${url}/ready`)).status).toBe(200);
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        const { rows } = await client.query("SELECT count(*)::int AS n FROM organizations");
        expect(rows[0].n).toBe(0);
      } finally {
        await client.end();
      }
    } finally {
      expect(await gateway.stop()).toBe(0);
    }
  }, 180_000);
});

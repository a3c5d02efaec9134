// The compiled build as a deployment runs it: `npm run build`, the output copied alone to a fresh
// directory, `npm ci --omit=dev` there (offline, from the npm cache), then `node src/main.js`. No
// tsx, Vite or codegen exists in that install, so whatever still needed them would fail here.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { mintToken } from "../../src/auth/mintToken.ts";
import { createPrisma } from "../../src/postgres/createPrisma.ts";
import { projectRoot } from "../../src/stack/paths.ts";
import { createIsolatedDatabase } from "../support/isolatedDatabase.ts";
import { startGatewayProcess } from "../support/gatewayProcess.ts";
import { workerStack } from "../support/workerStack.ts";

const SECRET = "built-server-test-secret-of-32-chars";

describe("the compiled build", () => {
  it("answers queries and syncs mutations from a production-only install", async () => {
    execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: projectRoot, stdio: "ignore" });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mobius-built-"));
    onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.cpSync(path.join(projectRoot, "build"), dir, { recursive: true });
    execFileSync("npm", ["ci", "--omit=dev", "--offline", "--no-audit", "--no-fund"], { cwd: dir, stdio: "ignore" });
    // (typescript itself comes along as a peer of @prisma/client; nothing of ours runs it.)
    for (const devOnly of ["tsx", "vite", "@graphql-codegen", "vitest"]) {
      expect(fs.existsSync(path.join(dir, "node_modules", devOnly))).toBe(false);
    }

    const databaseUrl = await createIsolatedDatabase("built");
    const prisma = createPrisma(databaseUrl);
    const organization = await prisma.organization.create({ data: { name: `Built ${randomUUID()}` } });
    await prisma.$disconnect();
    const gateway = startGatewayProcess(
      { NODE_ENV: "production", DATABASE_URL: databaseUrl, NEO4J_URI: workerStack().neo4jUri, AUTH_JWT_SECRET: SECRET, PORT: "0", LOG_LEVEL: "info",
        // A cold Neo4j on a loaded machine took 13 s to apply the first pass: the wait means it.
        GRAPH_SYNC_WAIT_TIMEOUT_MS: "60000",
        // Ad-hoc operations below; the build's manifest, which `only` runs from, is checked after.
        TRUSTED_DOCUMENTS: "allow-unknown" },
      { command: [process.execPath, "src/main.js"], cwd: dir },
    );
    try {
      const url = await gateway.url();
      const authorization = `Bearer ${await mintToken(SECRET, { organizationId: organization.id, role: "editor" })}`;
      const graphql = async (query: string, variables: Record<string, unknown> = {}) => {
        const res = await fetch(`${url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization, "x-graph-sync": "wait" },
          body: JSON.stringify({ query, variables }),
        });
        return res.json();
      };
      const hex = `#${randomUUID().slice(0, 6).toUpperCase()}`;
      const created = await graphql("mutation($input: CreateBrandInput!) { createBrand(input: $input) { id } }", {
        input: { organizationId: organization.id, name: "Built brand", colors: [{ hex, usageWeight: 0.5 }] },
      });
      expect(created.errors).toBeUndefined();
      // The graph half answers what the drainer's worker thread (compiled JavaScript) projected.
      expect(await graphql("query($hex: String!) { color(hex: $hex) { hex brands { brand { id } } } }", { hex })).toEqual({
        data: { color: { hex, brands: [{ brand: { id: created.data.createBrand.id } }] } },
      });
      const page = await fetch(`${url}/explorer`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("<!doctype html>");
      expect((await fetch(`${url}/ready`)).status).toBe(200);
      expect(fs.existsSync(path.join(dir, "web", "generated", "persisted-documents.json"))).toBe(true);
    } finally {
      expect(await gateway.stop()).toBe(0);
    }
  }, 900_000);
});

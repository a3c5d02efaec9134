// The fallback for machines without Postgres: PGlite served over TCP, migrated by the same
// `prisma migrate deploy`, and used by the same Prisma client as a real server.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../src/postgres/createPrisma.ts";
import { migrateDatabase } from "../../src/postgres/migrate.ts";
import { startEmbeddedPglite, type PostgresEndpoint } from "../../src/stack/localPostgres.ts";

describe("the embedded Postgres fallback", () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "mobius-pglite-"));
  let endpoint: PostgresEndpoint;
  beforeAll(async () => {
    endpoint = await startEmbeddedPglite(directory);
  }, 120_000);
  afterAll(async () => {
    await endpoint.stop();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it("is migrated by prisma migrate deploy and serves Prisma reads and writes", async () => {
    await migrateDatabase(endpoint.url);
    const prisma = createPrisma(endpoint.url, { maxConnections: 1 });
    try {
      const organization = await prisma.organization.create({
        data: { name: "Embedded Co", brands: { create: { name: "Pglite brand", colors: { create: { hex: "#0057B8" } } } } },
        include: { brands: { include: { colors: true } } },
      });
      const read = await prisma.brand.findFirstOrThrow({
        where: { organizationId: organization.id },
        include: { colors: true },
      });
      expect(endpoint.kind).toBe("embedded-pglite");
      expect(read.name).toBe("Pglite brand");
      expect(read.colors.map((c) => c.hex)).toEqual(["#0057B8"]);
    } finally {
      await prisma.$disconnect();
    }
  }, 120_000);
});

// Whether every migration in prisma/migrations is applied: /ready asks it, and start-up asks it
// to skip the Prisma CLI (seconds of WASM start-up) when there is nothing to apply.
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../stack/paths.ts";
import type { PrismaClient } from "./createPrisma.ts";

export type MigrationState = "ready" | "unreachable" | "not_migrated";

const migrationNames = (): string[] =>
  fs
    .readdirSync(path.join(projectRoot, "prisma", "migrations"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

export async function migrationState(prisma: PrismaClient): Promise<MigrationState> {
  let applied: Array<{ migration_name: string }>;
  try {
    applied = await prisma.$queryRaw`/* appliedMigrations */
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  } catch (error) {
    // 42P01: the migrations table does not exist yet, so nothing was ever migrated.
    return (error as { meta?: { code?: string } }).meta?.code === "42P01" ? "not_migrated" : "unreachable";
  }
  const done = new Set(applied.map((m) => m.migration_name));
  return migrationNames().every((name) => done.has(name)) ? "ready" : "not_migrated";
}

// Schema changes go through `prisma migrate deploy` and the migrations in prisma/migrations,
// never a hand-written migrator; the CLI is run as a child process with the resolved URL.
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../stack/paths.ts";
import { runCommand } from "../stack/runCommand.ts";

export class MigrationFailed extends Error {
  override name = "MigrationFailed";
}

export function migrateDatabase(databaseUrl: string): Promise<void> {
  const prismaBin = path.join(projectRoot, "node_modules", ".bin", "prisma");
  // A production install (npm ci --omit=dev) has no Prisma CLI: migrating is a release step there.
  if (!fs.existsSync(prismaBin)) {
    return Promise.reject(
      new MigrationFailed(
        "DATABASE_URL: the database lacks migrations and this install has no Prisma CLI: run `npx prisma migrate deploy` from a full install (the image's build stage) first",
      ),
    );
  }
  const env = { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
  return runCommand(prismaBin, ["migrate", "deploy"], { cwd: projectRoot, env }).then(({ status, output }) => {
    if (status !== 0) throw new MigrationFailed(`prisma migrate deploy failed:\n${redactUrls(output).trim()}`);
  });
}

const redactUrls = (text: string) => text.replace(/(postgres(?:ql)?:\/\/)[^\s"']+/g, "$1***");

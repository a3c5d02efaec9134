// A gateway's first contact with Postgres: it must answer (else one clear line and exit code 1),
// and every migration in prisma/migrations must be applied (the Prisma CLI runs only when one is not).
import { createPostgres } from "./createPrisma.ts";
import { migrateDatabase } from "./migrate.ts";
import { migrationState } from "./migrationState.ts";

export class PostgresUnreachable extends Error {
  override name = "PostgresUnreachable";
}

export async function preparePostgres(databaseUrl: string): Promise<void> {
  const { prisma } = createPostgres(databaseUrl, { maxConnections: 1 });
  try {
    await prisma.$queryRaw`SELECT 1`.catch((error: Error) => {
      throw new PostgresUnreachable(`Cannot reach Postgres (DATABASE_URL): ${error.message.split("\n")[0]}`);
    });
    if ((await migrationState(prisma)) !== "ready") await migrateDatabase(databaseUrl);
  } finally {
    await prisma.$disconnect();
  }
}

// Where Postgres comes from when DATABASE_URL is unset: the server on 127.0.0.1:5432 if it
// answers (a database of ours is created on it), else an embedded PGlite served over TCP from
// this process, with its files under .data/, so the gateway starts on a machine without Postgres.
import path from "node:path";
import pg from "pg";
import { dataDir } from "./paths.ts";
import { portAnswers } from "./portAnswers.ts";

export interface PostgresEndpoint {
  readonly url: string;
  readonly kind: "configured" | "local-server" | "embedded-pglite";
  /** Stops what was started to serve this endpoint; a no-op for servers we did not start. */
  stop(): Promise<void>;
}

const LOCAL_HOST = "127.0.0.1";
const LOCAL_PORT = 5432;

export async function resolvePostgres(
  configuredUrl: string | undefined,
  databaseName = "mobius",
): Promise<PostgresEndpoint> {
  if (configuredUrl) return { url: configuredUrl, kind: "configured", stop: async () => {} };
  if (await portAnswers(LOCAL_PORT, LOCAL_HOST)) {
    const url = await ensureDatabase(`postgresql://postgres@${LOCAL_HOST}:${LOCAL_PORT}`, databaseName);
    return { url, kind: "local-server", stop: async () => {} };
  }
  return startEmbeddedPglite(path.join(dataDir, "pglite"));
}

/** Creates the database on the server if missing and returns its URL. */
export async function ensureDatabase(serverUrl: string, databaseName: string): Promise<string> {
  const admin = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [databaseName]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(databaseName)}`);
  } catch (error) {
    // Two processes creating it at once: the loser sees a duplicate, which is what it wanted.
    if ((error as { code?: string }).code !== "42P04") throw error;
  } finally {
    await admin.end();
  }
  return `${serverUrl}/${databaseName}`;
}

export async function startEmbeddedPglite(directory: string): Promise<PostgresEndpoint> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const db = await PGlite.create(directory);
  const server = new PGLiteSocketServer({ db, host: LOCAL_HOST, port: 0, maxConnections: 10 });
  await server.start();
  const port = Number(server.getServerConn().split(":").at(-1));
  return {
    url: `postgresql://postgres@${LOCAL_HOST}:${port}/postgres?sslmode=disable`,
    kind: "embedded-pglite",
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

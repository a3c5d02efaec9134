import pg from "pg";

/** Drops and recreates a database on the server of `serverDatabaseUrl`; returns its URL. For tests and benchmarks. */
export async function recreateDatabase(serverDatabaseUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverDatabaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

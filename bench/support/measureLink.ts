// What a delay link really adds: the same trivial statement timed straight to each database and
// through its link, side by side, so a run's "2 ms" is a measured figure and not only a setting.
import type { Driver } from "neo4j-driver";
import pg from "pg";
import { median, round } from "./stats.ts";

export interface LinkMeasurement {
  readonly directP50Ms: number;
  readonly linkedP50Ms: number;
  /** linked p50 − direct p50: the round trip the link adds to one statement. */
  readonly addedMs: number;
}

const ROUNDS = 200;

export async function measurePostgresLink(directUrl: string, linkedUrl: string): Promise<LinkMeasurement> {
  const time = async (url: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await timeRounds(() => client.query("SELECT 1"));
    } finally {
      await client.end();
    }
  };
  return compare(await time(directUrl), await time(linkedUrl));
}

export async function measureNeo4jLink(directUri: string, linkedUri: string, openDriver: (uri: string) => Driver, database: string): Promise<LinkMeasurement> {
  const time = async (uri: string) => {
    const driver = openDriver(uri);
    const session = driver.session({ database });
    try {
      return await timeRounds(() => session.run("RETURN 1"));
    } finally {
      await session.close();
      await driver.close();
    }
  };
  return compare(await time(directUri), await time(linkedUri));
}

async function timeRounds(statement: () => Promise<unknown>): Promise<number[]> {
  await statement(); // connection setup is not a round trip of the link's
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    await statement();
    samples.push(performance.now() - started);
  }
  return samples;
}

function compare(direct: number[], linked: number[]): LinkMeasurement {
  const directP50Ms = median(direct);
  const linkedP50Ms = median(linked);
  return { directP50Ms: round(directP50Ms, 2), linkedP50Ms: round(linkedP50Ms, 2), addedMs: round(linkedP50Ms - directP50Ms, 2) };
}

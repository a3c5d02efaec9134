// A gateway's first contact with its graph: connectivity, a compatible server, and the uniqueness
// constraints and indexes. A graph that does not answer is one log line, not a failed start: graph
// fields answer GRAPH_UNAVAILABLE meanwhile, and this keeps trying in the background until the graph
// answers. The drainer is held until then (createGraphSync's `held`): without its constraints a
// MERGE from two replicas at once could make two nodes of one key.
import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "pino";
import { ensureGraphSchema } from "./ensureGraphSchema.ts";
import type { GraphConnection } from "./graphConnection.ts";

/** The graph answered but cannot be used (an older Neo4j): trying again will not help. */
export class IncompatibleGraph extends Error {
  override name = "IncompatibleGraph";
}

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

export interface GraphPreparation {
  /** Whether the first attempt prepared the graph: a start-up waits for this much only. */
  readonly first: Promise<boolean>;
  /** True once the graph is prepared, false when it is incompatible or `signal` aborted first. */
  readonly ready: Promise<boolean>;
}

/** Only the first failure is logged as a warning; the retries after it log at debug. */
export function prepareGraph(graph: GraphConnection, uri: string, logger: Logger, signal?: AbortSignal): GraphPreparation {
  let firstDone: (prepared: boolean) => void = () => {};
  const first = new Promise<boolean>((resolve) => (firstDone = resolve));
  const ready = attempts(graph, uri, logger, signal, (prepared) => firstDone(prepared));
  void ready.then(firstDone);
  return { first, ready };
}

async function attempts(graph: GraphConnection, uri: string, logger: Logger, signal: AbortSignal | undefined, firstDone: (prepared: boolean) => void): Promise<boolean> {
  for (let attempt = 0; !signal?.aborted; attempt++) {
    try {
      await graph.driver.verifyConnectivity({ database: graph.database });
      await checkCompatibility(graph);
      await ensureGraphSchema(graph.driver, graph.database);
      logger.info({ neo4j: redactUri(uri), database: graph.database, attempts: attempt + 1 }, "graph connected");
      return true;
    } catch (error) {
      if (error instanceof IncompatibleGraph) {
        logger.error(`graph unusable: ${error.message}; graph features stay off`);
        return false;
      }
      const reason = (error as Error).message.split("\n")[0];
      if (attempt === 0) logger.warn(`graph unavailable: cannot reach Neo4j at ${redactUri(uri)} (${reason}); retrying in the background`);
      else logger.debug({ attempt, reason }, "graph still unavailable");
      firstDone(false);
      await sleep(Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt), undefined, { signal }).catch(() => {});
    }
  }
  return false;
}

/** The Cypher this gateway sends (CALL (x) { … } subqueries, IF NOT EXISTS) needs Neo4j 5 or later. */
async function checkCompatibility(graph: GraphConnection): Promise<void> {
  const { records } = await graph.driver.executeQuery("CALL dbms.components() YIELD name, versions RETURN name, versions", {}, { database: graph.database });
  const kernel = records.find((r) => r.get("name") === "Neo4j Kernel") ?? records[0];
  const version = String((kernel?.get("versions") as string[] | undefined)?.[0] ?? "");
  const major = Number(version.split(".")[0]);
  // Aura reports versions such as "5-aura"; anything not a number is taken as current.
  if (Number.isFinite(major) && major > 0 && major < 5) throw new IncompatibleGraph(`Neo4j ${version} is older than 5, which this gateway needs`);
}

const redactUri = (uri: string) => uri.replace(/\/\/[^@/]*@/, "//***@");

// Every read of the relationship queries goes through here: a disabled graph and a graph that
// does not answer both become GRAPH_UNAVAILABLE, so an empty list always means "no matches".
import { routing } from "neo4j-driver";
import { graphUnavailable } from "../errors/codes.ts";
import type { GraphConnection } from "../http/deps.ts";
import type { GraphStatement } from "./graphStatement.ts";
import { isGraphUnavailableError } from "./isGraphUnavailableError.ts";

export async function runGraphQuery<Row>(
  graph: GraphConnection | null,
  statement: GraphStatement,
  params: Record<string, unknown>,
): Promise<Row[]> {
  if (!graph) throw graphUnavailable();
  try {
    const { records } = await graph.driver.executeQuery(statement.text, params, {
      database: graph.database,
      routing: routing.READ,
    });
    return records.map((record) => record.toObject() as Row);
  } catch (error) {
    throw isGraphUnavailableError(error) ? graphUnavailable(error) : error;
  }
}

// Instrumentation, not a mock: the real driver, with every statement it is asked to run counted,
// so a test can assert how many Neo4j round trips one GraphQL request costs.
import type { GraphConnection } from "../../src/http/deps.ts";

export function countingGraph(graph: GraphConnection) {
  const statements: string[] = [];
  const driver = new Proxy(graph.driver, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property === "executeQuery") {
        return (query: string, ...rest: unknown[]) => {
          statements.push(query);
          return (value as Function).call(target, query, ...rest);
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { graph: { driver, database: graph.database }, statements };
}

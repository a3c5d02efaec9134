// Instrumentation, not a mock: the real driver, with every statement run through it counted, so
// a test can assert how many Neo4j round trips one GraphQL request costs.
import type { Driver, Session } from "neo4j-driver";
import type { GraphConnection } from "../../src/graph/graphConnection.ts";

/** `statements` may be a log shared with other instrumentation, to see what ran in which order. */
export function countingGraph(graph: GraphConnection, statements: string[] = []) {
  const count = <T extends object>(target: T, method: "run" | "executeQuery", wrap?: (value: any) => any): T =>
    new Proxy(target, {
      get(object, property) {
        const value: any = Reflect.get(object, property, object);
        if (property === method) {
          return (query: string, ...rest: unknown[]) => {
            statements.push(query);
            return value.call(object, query, ...rest);
          };
        }
        if (wrap && property === "session") return (...a: unknown[]) => wrap(value.apply(object, a));
        return typeof value === "function" ? value.bind(object) : value;
      },
    });
  const driver = count<Driver>(graph.driver, "executeQuery", (session: Session) => count(session, "run"));
  return { graph: { driver, database: graph.database }, statements };
}

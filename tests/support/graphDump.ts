// A whole graph as two sorted lists of canonical strings (nodes, relationships), for tests that own
// their Neo4j instance and compare it with a rebuild: equal dumps mean equal graphs.
import type { GraphConnection } from "../../src/graph/graphConnection.ts";

const NODES = `MATCH (n) RETURN labels(n) AS labels, properties(n) AS props`;
const RELATIONSHIPS = `
  MATCH (a)-[r]->(b)
  RETURN type(r) AS type, properties(r) AS props,
         coalesce(a.brand_id, a.asset_id, a.template_id, a.hex) AS from,
         coalesce(b.brand_id, b.asset_id, b.template_id, b.hex) AS to`;

/** Keys sorted, driver value types (dates) as their ISO text, so equal graphs give equal strings. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    if (Object.getPrototypeOf(v) !== Object.prototype) return String(v);
    return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)));
  });

export async function dumpGraph({ driver, database }: GraphConnection): Promise<{ nodes: string[]; relationships: string[] }> {
  const [nodes, relationships] = await Promise.all([
    driver.executeQuery(NODES, {}, { database }),
    driver.executeQuery(RELATIONSHIPS, {}, { database }),
  ]);
  return {
    nodes: nodes.records.map((r) => canonical(r.toObject())).sort(),
    relationships: relationships.records.map((r) => canonical(r.toObject())).sort(),
  };
}

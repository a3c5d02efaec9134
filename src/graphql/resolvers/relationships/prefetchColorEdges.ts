// Query.color must know whether the Color node exists before its fields run, which would make
// `color(hex) { pairings }` two Neo4j round trips one after the other. So the graph fields the
// selection asks for are started beside the lookup, through the same per-request loaders: when
// the field resolvers run, their answer is already on its way (one round trip of latency).
import { getArgumentValues, Kind, type GraphQLObjectType, type GraphQLResolveInfo } from "graphql";
import type { GraphLoaders } from "../../../graph/graphLoaders.ts";
import { brandsKey, pairingsKey } from "./colorEdgeKeys.ts";

const ignore = () => {};

export function prefetchColorEdges(hex: string, info: GraphQLResolveInfo, loaders: GraphLoaders): void {
  const fields = (info.schema.getType("Color") as GraphQLObjectType).getFields();
  for (const selection of info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? [])) {
    if (selection.kind !== Kind.FIELD) continue; // fragments: the fields load when they run
    const name = selection.name.value;
    try {
      if (name === "brands") loaders.brandsUsingColor.load(brandsKey(hex)).catch(ignore);
      if (name === "pairings") {
        const args = getArgumentValues(fields.pairings!, selection, info.variableValues);
        loaders.colorPairings.load(pairingsKey(hex, args)).catch(ignore);
      }
    } catch {
      // Bad arguments: the field itself reports them when it runs.
    }
  }
}

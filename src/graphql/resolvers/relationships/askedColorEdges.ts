import { getArgumentValues, Kind, type GraphQLObjectType, type GraphQLResolveInfo } from "graphql";
import type { EdgeKey } from "../../../graph/graphLoaders.ts";
import type { ColorPairingsArgs } from "../../../graph/queries/colorPairings.ts";
import { pairingsKey } from "./colorEdgeKeys.ts";

export interface AskedColorEdges {
  readonly brands: boolean;
  /** The loader key of the first `pairings` selected with valid arguments. */
  readonly pairings: EdgeKey<ColorPairingsArgs> | null;
}

/**
 * Which graph fields the selection under Query.color asks for, read ahead of their resolvers.
 * Only direct field selections count; fields inside fragments simply load when they run, and
 * bad arguments are left for the field itself to report.
 */
export function askedColorEdges(hex: string, info: GraphQLResolveInfo): AskedColorEdges {
  const fields = (info.schema.getType("Color") as GraphQLObjectType).getFields();
  let brands = false;
  let pairings: EdgeKey<ColorPairingsArgs> | null = null;
  for (const selection of info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? [])) {
    if (selection.kind !== Kind.FIELD) continue;
    if (selection.name.value === "brands") brands = true;
    if (selection.name.value === "pairings" && !pairings) {
      try {
        pairings = pairingsKey(hex, getArgumentValues(fields.pairings!, selection, info.variableValues));
      } catch {
        // reported by Color.pairings
      }
    }
  }
  return { brands, pairings };
}

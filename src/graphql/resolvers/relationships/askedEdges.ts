// A root field that must load its Postgres row (Query.brand) or learn whether a Color node exists
// (Query.color) before its graph fields run would make every such query two round trips one after
// the other. So these read the selection ahead: the graph edges it asks for start beside the root's
// own lookup, through the same per-request loaders, and the field resolvers then find them loading.
import { getArgumentValues, Kind, type GraphQLObjectType, type GraphQLResolveInfo } from "graphql";
import type { EdgeKey, GraphLoaders } from "../../../graph/graphLoaders.ts";
import type { ColorPairingsArgs } from "../../../graph/queries/colorPairings.ts";
import { pairingsKey, similarBrandsKey } from "./edgeKeys.ts";

export interface AskedColorEdges {
  readonly brands: boolean;
  /** The loader key of the first `pairings` selected with valid arguments. */
  readonly pairings: EdgeKey<ColorPairingsArgs> | null;
}

export function askedColorEdges(hex: string, info: GraphQLResolveInfo): AskedColorEdges {
  return {
    brands: selectedArguments(info, "Color", "brands") !== undefined,
    pairings: keyOrNull(selectedArguments(info, "Color", "pairings"), (args) => pairingsKey(hex, args)),
  };
}

/**
 * Starts the graph edges asked under Query.brand. Settled by the field's own load, which a brand
 * that turns out absent or out of scope never makes, hence the catch.
 */
export function startAskedBrandEdges(brandId: string, info: GraphQLResolveInfo, graphLoaders: GraphLoaders): void {
  const similarBrands = keyOrNull(selectedArguments(info, "Brand", "similarBrands"), (args) => similarBrandsKey(brandId, args));
  if (similarBrands) graphLoaders.similarBrands.load(similarBrands).catch(ignore);
}

export const ignore = () => {};

/**
 * The argument values of the first direct selection of `fieldName` under the resolving field;
 * undefined when it is not selected directly (fields inside fragments simply load when they run),
 * null when its arguments do not coerce.
 */
function selectedArguments(info: GraphQLResolveInfo, typeName: string, fieldName: string): Record<string, unknown> | null | undefined {
  const field = (info.schema.getType(typeName) as GraphQLObjectType).getFields()[fieldName]!;
  for (const selection of info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? [])) {
    if (selection.kind !== Kind.FIELD || selection.name.value !== fieldName) continue;
    try {
      return getArgumentValues(field, selection, info.variableValues);
    } catch {
      return null;
    }
  }
  return undefined;
}

/** Bad arguments are left for the field itself to report (BAD_USER_INPUT naming the argument). */
function keyOrNull<Key>(args: Record<string, unknown> | null | undefined, keyOf: (args: Record<string, unknown>) => Key): Key | null {
  if (!args) return null;
  try {
    return keyOf(args);
  } catch {
    return null;
  }
}

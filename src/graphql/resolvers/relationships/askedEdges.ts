// A root field that must load its Postgres row (Query.brand) or learn whether a Color node exists
// (Query.color) before its graph fields run would make every such query wait for the root's lookup
// before the graph statement even starts. So these read the selection ahead and start the graph
// edges it asks for at once, through the same per-request loaders; the field resolvers then find
// them loading, or loaded.
import { getArgumentValues, Kind, type GraphQLObjectType, type GraphQLResolveInfo } from "graphql";
import type { Brand } from "../../../generated/prisma/client.ts";
import type { EdgeKey, GraphLoaders } from "../../../graph/graphLoaders.ts";
import type { ColorPairingsArgs } from "../../../graph/queries/colorPairings.ts";
import type { Loaders } from "../../../postgres/loaders.ts";
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
 * Query.brand's row. With similarBrands asked, the graph statement goes first and the brand's row
 * is then read in one Postgres statement with every brand the graph names, which similarBrands must
 * find in Postgres anyway (keepBrandsInPostgres): one Postgres round trip after the graph instead of
 * one beside it and one after, which on two cores costs more than it overlaps. A graph that fails is
 * the field's to report; the row is read all the same.
 */
export async function brandWithAskedEdges(
  brandId: string,
  info: GraphQLResolveInfo,
  { loaders, graphLoaders }: { loaders: Loaders; graphLoaders: GraphLoaders },
): Promise<Brand | null> {
  const similarBrands = keyOrNull(selectedArguments(info, "Brand", "similarBrands"), (args) => similarBrandsKey(brandId, args));
  if (similarBrands) {
    const matches = await graphLoaders.similarBrands.load(similarBrands).catch(() => []);
    void loaders.anyBrandById.loadMany(matches.map((match) => match.similarBrandId));
  }
  return loaders.brandById.load(brandId);
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

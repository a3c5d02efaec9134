// A root field that must load its Postgres row (Query.brand) or learn whether a Color node exists
// (Query.color) before its graph fields run would make every such query wait for the root's lookup
// before the graph statement even starts. So these read the selection ahead and start the graph
// edges it asks for at once, through the same per-request loaders; the field resolvers then find
// them loading, or loaded.
import { getArgumentValues, Kind, type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo } from "graphql";
import type { Brand } from "../../generated/prisma/client.ts";
import type { EdgeKey, GraphLoaders } from "../../relationships/graphLoaders.ts";
import type { ColorPairingsArgs } from "../../relationships/colorPairings.ts";
import { graphStatementsSent } from "../../graph/graphStatementsSent.ts";
import type { Loaders } from "../../stores/loaders.ts";
import { pairingsKey, similarBrandsKey } from "../../relationships/edgeKeys.ts";
import { asksOnlyBrandIdsOf } from "./brandIdsOnly.ts";

export interface AskedColorEdges {
  readonly brands: boolean;
  /** Its owners' brands are shown by id alone: their check is the pending deletes, read beside. */
  readonly brandIdsOnly: boolean;
  /** The loader key of the first `pairings` selected with valid arguments. */
  readonly pairings: EdgeKey<ColorPairingsArgs> | null;
}

export function askedColorEdges(hex: string, info: GraphQLResolveInfo): AskedColorEdges {
  const brands = selectedField(info, "brands");
  return {
    brands: brands !== undefined,
    brandIdsOnly: brands !== undefined && asksOnlyBrandIdsOf([brands]),
    pairings: keyOrNull(selectedArguments(info, "Color", "pairings"), (args) => pairingsKey(hex, args)),
  };
}

/**
 * Query.brand's row. With only the similar brands' ids asked, the graph statement goes out first,
 * then the brand's row and the outbox's brand deletes are read beside it in one statement
 * (keepBrandsInPostgres.ts, graphStatementsSent.ts). With more of the similar brands asked, the graph
 * statement goes first and the brand's row is then read in one Postgres statement with every brand
 * the graph names, whose rows the similar brands need anyway: one Postgres round trip after the
 * graph instead of one beside it and one after, which on two cores costs more than it overlaps. A
 * graph that fails is the field's to report; the row is read all the same.
 */
export async function brandWithAskedEdges(
  brandId: string,
  info: GraphQLResolveInfo,
  { loaders, graphLoaders }: { loaders: Loaders; graphLoaders: GraphLoaders },
): Promise<Brand | null> {
  const asked = selectedField(info, "similarBrands");
  const key = asked && keyOrNull(argumentValues(info, "Brand", asked), (args) => similarBrandsKey(brandId, args));
  if (key && asksOnlyBrandIdsOf([asked])) {
    graphLoaders.similarBrands.load(key).catch(ignore);
    await graphStatementsSent();
    await loaders.primeBrandAndPendingDeletes(brandId);
  } else if (key) {
    const matches = await graphLoaders.similarBrands.load(key).catch(() => []);
    void loaders.anyBrandById.loadMany(matches.map((match) => match.similarBrandId));
  }
  return loaders.brandById.load(brandId);
}

export const ignore = () => {};

/**
 * The first direct selection of `fieldName` under the resolving field; undefined when it is not
 * selected directly (fields inside fragments simply load when they run).
 */
function selectedField(info: GraphQLResolveInfo, fieldName: string): FieldNode | undefined {
  return info.fieldNodes
    .flatMap((node) => node.selectionSet?.selections ?? [])
    .find((selection): selection is FieldNode => selection.kind === Kind.FIELD && selection.name.value === fieldName);
}

/** A selected field's argument values; null when they do not coerce. */
function argumentValues(info: GraphQLResolveInfo, typeName: string, selection: FieldNode): Record<string, unknown> | null {
  const field = (info.schema.getType(typeName) as GraphQLObjectType).getFields()[selection.name.value]!;
  try {
    return getArgumentValues(field, selection, info.variableValues);
  } catch {
    return null;
  }
}

/** The argument values of the first direct selection of `fieldName`, as selectedField finds it. */
function selectedArguments(info: GraphQLResolveInfo, typeName: string, fieldName: string): Record<string, unknown> | null | undefined {
  const selection = selectedField(info, fieldName);
  return selection && argumentValues(info, typeName, selection);
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

// The relationship reads as GraphQL and REST both serve them: the named Cypher statement through the
// request's graph loaders (one UNWIND statement for every parent asking in the same tick), and graph
// rows naming a brand Postgres no longer has dropped (keepBrandsInPostgres.ts), so no surface ever
// shows a brand that is deleted in Postgres but not yet in the graph.
import type { GraphConnection } from "../graph/graphConnection.ts";
import type { Postgres } from "../postgres/createPrisma.ts";
import { createLoaders, type Loaders } from "../stores/loaders.ts";
import type { OrganizationScope } from "../stores/scope.ts";
import type { ColorOwnerMatch } from "./brandsUsingColor.ts";
import type { ColorPairingMatch } from "./colorPairings.ts";
import { brandsKey, pairingsKey, similarBrandsKey } from "./edgeKeys.ts";
import { createGraphLoaders, type GraphLoaders } from "./graphLoaders.ts";
import { keepBrandsInPostgres } from "./keepBrandsInPostgres.ts";
import type { SimilarBrandMatch } from "./similarBrands.ts";

/** A request's loaders: the Postgres rows it reads and the graph edges it asks for. */
export interface RequestLoaders {
  readonly loaders: Loaders;
  readonly graphLoaders: GraphLoaders;
}

/** Built per request, so nothing read outlives the request that read it. */
export function createRequestLoaders(deps: Postgres & { readonly graph: GraphConnection | null }, scope: OrganizationScope, requestStarted?: number): RequestLoaders {
  return { loaders: createLoaders(deps, scope, requestStarted), graphLoaders: createGraphLoaders(deps.graph, scope) };
}

/**
 * How the brands a graph answer names are shown: only by what the graph holds of them (id, name),
 * checked against the outbox's pending deletes read beside the graph statement; or from their
 * Postgres rows, which the check then reads instead.
 */
export type BrandsShown = "fromGraph" | "fromRows";

/** Brands of other organizations sharing colors with `brandId` (by design: similarBrands crosses tenants). */
export function similarBrandsOf(
  { graphLoaders, loaders }: RequestLoaders,
  brandId: string,
  args: { minSharedColors?: unknown; limit?: unknown },
  shown: BrandsShown,
): Promise<SimilarBrandMatch[]> {
  return keepBrandsInPostgres(graphLoaders.similarBrands.load(similarBrandsKey(brandId, args)), {
    brandIdOf: (match) => match.similarBrandId,
    onlyIds: shown === "fromGraph",
    loaders,
    rowsBy: loaders.anyBrandById,
  });
}

/** The caller's organization's brands using a color (the graph statement keeps to it), by usage weight. */
export function colorOwnersOf({ graphLoaders, loaders }: RequestLoaders, hex: string, shown: BrandsShown): Promise<ColorOwnerMatch[]> {
  return keepBrandsInPostgres(
    graphLoaders.brandsUsingColor.load(brandsKey(hex)).then((found) => found?.owners ?? []),
    { brandIdOf: (owner) => owner.brandId, onlyIds: shown === "fromGraph", loaders, rowsBy: loaders.brandById },
  );
}

/** Colors co-used with `hex` in approved assets, named as the caller names them; counts only, so no brand to check. */
export async function colorPairingsOf(
  { graphLoaders }: RequestLoaders,
  hex: string,
  args: { minSamples?: unknown; limit?: unknown },
): Promise<ColorPairingMatch[]> {
  return (await graphLoaders.colorPairings.load(pairingsKey(hex, args)))?.pairings ?? [];
}

// Per-request DataLoaders for the graph edges a list can ask for (Brand.similarBrands,
// Color.brands, Color.pairings): every parent asking in the same tick shares one UNWIND statement
// per distinct argument set, so N brands cost one Neo4j round trip, not N.
import DataLoader from "dataloader";
import type { GraphConnection } from "../graph/graphConnection.ts";
import { findBrandsUsingColor, type ColorWithOwners } from "./brandsUsingColor.ts";
import { findColors, type ColorNode } from "./colorByHex.ts";
import { findColorPairings, type ColorPairingsArgs, type ColorWithPairings } from "./colorPairings.ts";
import { findSimilarBrands, type SimilarBrandMatch, type SimilarBrandsArgs } from "./similarBrands.ts";

export interface EdgeKey<Args> {
  readonly id: string;
  readonly args: Args;
}

export interface GraphLoaders {
  readonly similarBrands: DataLoader<EdgeKey<SimilarBrandsArgs>, SimilarBrandMatch[], string>;
  /** Null when the graph has no such color. */
  readonly brandsUsingColor: DataLoader<EdgeKey<object>, ColorWithOwners | null, string>;
  /** Null when the graph has no such color. */
  readonly colorPairings: DataLoader<EdgeKey<ColorPairingsArgs>, ColorWithPairings | null, string>;
  /** The Color node of a hex (BrandColor.color); null when the graph has none yet. */
  readonly colorByHex: DataLoader<EdgeKey<object>, ColorNode | null, string>;
}

/**
 * `organizationId` scopes Color.brands and the colors' names (null: every organization); similar
 * brands and pairing counts span organizations by design.
 */
export function createGraphLoaders(graph: GraphConnection | null, organizationId: string | null): GraphLoaders {
  return {
    similarBrands: edgeLoader((ids, args) => findSimilarBrands(graph, ids, args), (row) => row.brandId, allRows),
    brandsUsingColor: edgeLoader((ids) => findBrandsUsingColor(graph, ids, organizationId), (row) => row.hex, oneRow),
    colorPairings: edgeLoader((ids, args) => findColorPairings(graph, ids, args, organizationId), (row) => row.hex, oneRow),
    colorByHex: edgeLoader((ids) => findColors(graph, ids, organizationId), (row) => row.hex, oneRow),
  };
}

const cacheKey = (id: string, args: unknown) => JSON.stringify([id, args]);
const allRows = <Row>(rows: Row[]) => rows;
const oneRow = <Row>(rows: Row[]) => rows[0] ?? null;

/** Groups a batch by its arguments, runs one query per group and hands each parent its rows. */
function edgeLoader<Args, Row, Value>(
  query: (ids: string[], args: Args) => Promise<Row[]>,
  parentOf: (row: Row) => string,
  valueOf: (rows: Row[]) => Value,
): DataLoader<EdgeKey<Args>, Value, string> {
  return new DataLoader(
    async (keys) => {
      const groups = new Map<string, { args: Args; ids: string[] }>();
      for (const { id, args } of keys) {
        const group = groups.get(JSON.stringify(args)) ?? { args, ids: [] };
        group.ids.push(id);
        groups.set(JSON.stringify(args), group);
      }
      const rows = new Map<string, Row[]>();
      await Promise.all(
        [...groups.values()].map(async ({ args, ids }) => {
          for (const row of await query(ids, args)) {
            const key = cacheKey(parentOf(row), args);
            const list = rows.get(key);
            if (list) list.push(row);
            else rows.set(key, [row]);
          }
        }),
      );
      return keys.map(({ id, args }) => valueOf(rows.get(cacheKey(id, args)) ?? []));
    },
    { cacheKeyFn: ({ id, args }) => cacheKey(id, args) },
  );
}

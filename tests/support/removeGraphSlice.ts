// Deletes what one test wrote into the run's shared graph: its brands, assets and templates with
// their relationships and the palette shapes of its colors, then those of its colors that nothing
// uses any more. Colors are shared
// vocabulary: a color another file's brands also own (the demo set's, say) stays, with their edges;
// deleting it with DETACH took the demo brand's palette, and its similar brands, with it.
import type { Driver } from "neo4j-driver";
import { colorPairCypher } from "../../src/projector/colorPairCounts.ts";

export interface GraphSlice {
  readonly brands?: Iterable<string>;
  readonly assets?: Iterable<string>;
  readonly templates?: Iterable<string>;
  readonly hexes?: Iterable<string>;
}

export async function removeGraphSlice(driver: Driver, database: string, slice: GraphSlice): Promise<void> {
  const ids = (values: Iterable<string> | undefined) => [...(values ?? [])];
  const brands = ids(slice.brands);
  const assets = ids(slice.assets);
  // One transaction, as in a projection: the pairs the deleted assets counted are taken back, and a
  // deleted brand's other assets (marked by the retraction) count again, so no mark outlives it.
  const session = driver.session({ database });
  try {
    await session.executeWrite(async (tx) => {
      await tx.run(colorPairCypher.retractPairs, { assetIds: assets, feedbackIds: [], brandIds: brands });
      // Shapes hold only common colors, and a test's common colors are its own.
      await tx.run("MATCH (s:PaletteShape)-[:HAS_COMMON]->(c:Color) WHERE c.hex IN $hexes DETACH DELETE s", { hexes: ids(slice.hexes) });
      await tx.run(
        `MATCH (n) WHERE (n:Brand AND n.brand_id IN $brands) OR (n:Asset AND n.asset_id IN $assets)
            OR (n:Template AND n.template_id IN $templates)
         DETACH DELETE n`,
        { brands, assets, templates: ids(slice.templates) },
      );
      await tx.run(colorPairCypher.assertPairs, { assetIds: [] });
    });
  } finally {
    await session.close();
  }
  await driver.executeQuery("MATCH (c:Color) WHERE c.hex IN $hexes AND NOT (c)--() DELETE c", { hexes: ids(slice.hexes) }, { database });
}

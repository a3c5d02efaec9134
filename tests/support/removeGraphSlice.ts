// Deletes what one test wrote into the run's shared graph: its brands, assets and templates with
// their relationships, then those of its colors that nothing uses any more. Colors are shared
// vocabulary: a color another file's brands also own (the demo set's, say) stays, with their edges;
// deleting it with DETACH took the demo brand's palette, and its similar brands, with it.
import type { Driver } from "neo4j-driver";

export interface GraphSlice {
  readonly brands?: Iterable<string>;
  readonly assets?: Iterable<string>;
  readonly templates?: Iterable<string>;
  readonly hexes?: Iterable<string>;
}

export async function removeGraphSlice(driver: Driver, database: string, slice: GraphSlice): Promise<void> {
  const ids = (values: Iterable<string> | undefined) => [...(values ?? [])];
  await driver.executeQuery(
    `MATCH (n) WHERE (n:Brand AND n.brand_id IN $brands) OR (n:Asset AND n.asset_id IN $assets)
        OR (n:Template AND n.template_id IN $templates)
     DETACH DELETE n`,
    { brands: ids(slice.brands), assets: ids(slice.assets), templates: ids(slice.templates) },
    { database },
  );
  await driver.executeQuery("MATCH (c:Color) WHERE c.hex IN $hexes AND NOT (c)--() DELETE c", { hexes: ids(slice.hexes) }, { database });
}

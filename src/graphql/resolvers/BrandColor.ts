import type { BrandColorResolvers } from "../../generated/graphql.ts";

export const BrandColor: BrandColorResolvers = {
  // Every palette color asked in one request shares one graph statement (graphLoaders.ts).
  color: (row, _args, { graphLoaders }) => graphLoaders.colorByHex.load({ id: row.hex, args: {} }),
};

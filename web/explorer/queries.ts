// The explorer's documents, typed by the client preset against contract/schema.graphql
// (web/generated/, `npm run generate`): their result types are generated, never written here.
import { graphql } from "../generated/gql.ts";

export const BRAND_LIST = graphql(`
  query ExplorerBrands {
    brands(first: 100) { edges { node { id name } } }
  }
`);

export const BRAND_GRAPH = graphql(`
  query ExplorerBrand($id: ID!) {
    brand(id: $id) {
      id
      name
      organizationId
      colors { hex name usage usageWeight }
      assets(first: 20) { edges { node { id prompt status complianceScore colors { hex coverage source onPalette } } } }
      templatesConnection(first: 20) { edges { node { id name sourceAssetId } } }
      similarBrands(minSharedColors: 1, limit: 5) { brand { id name } sharedColors sharedColorCount similarityScore }
    }
  }
`);

export const COLOR_BRANDS = graphql(`
  query ExplorerColor($hex: String!) {
    color(hex: $hex) { hex name brands { brand { id name } usage usageWeight } }
  }
`);

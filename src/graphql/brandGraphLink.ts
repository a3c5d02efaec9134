// Brand.graph: from a contract Brand to its node in the generated half, in the same request. It
// is added where the two halves meet, because the contract SDL alone knows no GraphBrand. The
// field delegates to the generated graphBrands root field, so the same guard and @authorization
// tenant filter decide what the caller sees: another organization's brand is null, never a leak.
import { delegateToSchema } from "@graphql-tools/delegate";
import { GraphQLList, type GraphQLObjectType, type GraphQLSchema } from "graphql";

export const brandGraphLinkTypeDefs = /* GraphQL */ `
  extend type Brand {
    """
    This brand's node in the generated graph API, to walk on with its filters and connections; null
    until the sync has applied the brand (GRAPH_UNAVAILABLE, this field alone, when the graph does not answer).
    """
    graph: GraphBrand
  }
`;

/** The resolver of Brand.graph, delegating into the generated half (graphApiSchema). */
export function brandGraphLinkResolvers(graphApiSchema: GraphQLSchema) {
  const graphBrand = graphApiSchema.getType("GraphBrand") as GraphQLObjectType;
  return {
    Brand: {
      graph: async (brand: { id: string }, _args: unknown, context: object, info: Parameters<typeof delegateToSchema>[0]["info"]) => {
        const nodes = await delegateToSchema({
          schema: graphApiSchema,
          operation: "query" as never,
          fieldName: "graphBrands",
          args: { where: { brandId: { eq: brand.id } }, limit: 1 },
          returnType: new GraphQLList(graphBrand),
          context,
          info,
        });
        if (nodes instanceof Error) throw nodes;
        return Array.isArray(nodes) ? (nodes[0] ?? null) : null;
      },
    },
  };
}

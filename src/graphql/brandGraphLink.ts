// A contract Brand and its node in the generated half lead to each other, in the same request.
// Both fields are added where the two halves are stitched, because neither SDL alone knows the
// other's types. Each side's own tenancy decides what the caller sees through the link:
// - Brand.graph delegates to the generated graphBrands root field, so the same guard and
//   @authorization tenant filter apply: another organization's node is null, never a leak.
// - GraphBrand.brand reads the row through the caller's scoped brandById loader, as brand(id)
//   does, so every GraphBrand of one level costs one SQL statement between them. Its selection
//   set makes the stitching ask the graph for brandId on every GraphBrand it fetches, whether the
//   client selected it or not.
import { delegateToSchema } from "@graphql-tools/delegate";
import { GraphQLList, type GraphQLObjectType, type GraphQLResolveInfo } from "graphql";
import type { Brand } from "../generated/prisma/client.ts";
import type { GatewayContext } from "./context.ts";
import type { GraphSubschema } from "./graphApi/buildGraphApiSchema.ts";

export const brandGraphLinkTypeDefs = /* GraphQL */ `
  extend type Brand {
    """
    This brand's node in the generated graph API, to walk on with its filters and connections; null
    until the sync has applied the brand (GRAPH_UNAVAILABLE, this field alone, when the graph does not answer).
    """
    graph: GraphBrand
  }

  extend type GraphBrand {
    """
    This node's brand in the contract (its Postgres row), as brand(id) answers it: null when the
    brand is deleted and the sync has not yet removed the node.
    """
    brand: Brand
  }
`;

/** The resolvers of Brand.graph and GraphBrand.brand; `graphApi` is the generated half as stitched. */
export function brandGraphLinkResolvers(graphApi: GraphSubschema) {
  return {
    Brand: {
      graph: async (brand: Brand, _args: unknown, context: GatewayContext, info: GraphQLResolveInfo) => {
        const graphBrand = info.schema.getType("GraphBrand") as GraphQLObjectType;
        const nodes = await delegateToSchema({
          schema: graphApi,
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
    GraphBrand: {
      brand: {
        selectionSet: "{ brandId }",
        resolve: (node: { brandId: string }, _args: unknown, { loaders }: GatewayContext) => loaders.brandById.load(node.brandId),
      },
    },
  };
}

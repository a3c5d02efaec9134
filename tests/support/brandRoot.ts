// A test-only root to reach a Brand by id, until Query.brand (built in the Postgres CRUD issue)
// lands on this branch; it resolves through the same brandById loader the contract uses.
import type { SchemaExtension } from "../../src/graphql/buildSchema.ts";
import type { GatewayContext } from "../../src/graphql/context.ts";

export const brandRoot: SchemaExtension = {
  typeDefs: "extend type Query { testBrand(id: ID!): Brand }",
  resolvers: {
    Query: { testBrand: (_root: unknown, { id }: { id: string }, ctx: GatewayContext) => ctx.loaders.brandById.load(id) },
  },
};

import { GraphQLScalarType } from "graphql";
import { DateTimeISOResolver } from "graphql-scalars";

/** Dates travel as ISO-8601 strings in UTC; the contract names the scalar DateTime. */
export const scalarResolvers = {
  DateTime: new GraphQLScalarType({ ...DateTimeISOResolver.toConfig(), name: "DateTime" }),
};

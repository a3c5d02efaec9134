import { DateTimeISOResolver } from "graphql-scalars";

/** Dates travel as ISO-8601 strings in UTC. */
export const scalarResolvers = { DateTime: DateTimeISOResolver };

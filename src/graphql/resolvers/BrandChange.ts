import type { BrandChangeResolvers } from "../../generated/graphql.ts";
import { brandWithAskedEdges } from "../lookahead/askedEdges.ts";
import { changeOperation } from "./changeEnums.ts";

export const BrandChange: BrandChangeResolvers = {
  eventId: (event) => String(event.id),
  brandId: (event) => event.entityId,
  operation: (event) => changeOperation(event.operation),
  // Read now, on the message's own loaders: the graph has applied this change, so its graph fields show it.
  brand: (event, _, context, info) => (event.operation === "delete" ? null : brandWithAskedEdges(event.entityId, info, context)),
  appliedAt: (event) => event.appliedAt,
};

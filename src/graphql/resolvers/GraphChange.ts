import type { GraphChangeResolvers } from "../../generated/graphql.ts";
import type { EntityKind } from "../../outbox/entityChange.ts";
import { UnreachableCaseError } from "../../errors/UnreachableCaseError.ts";
import { changeOperation, changedEntityKind } from "./changeEnums.ts";

export const GraphChange: GraphChangeResolvers = {
  eventId: (event) => String(event.id),
  entity: (event) => changedEntityKind(event.entity),
  id: (event) => event.entityId,
  operation: (event) => changeOperation(event.operation),
  relationships: (event) => relationshipsOf(event.entity),
  appliedAt: (event) => event.appliedAt,
};

/** The relationship types the projector rewrites for an entity (projector/projectionCypher.ts). */
function relationshipsOf(entity: EntityKind): string[] {
  switch (entity) {
    case "organization":
      return [];
    case "brand":
      return ["OWNS_COLOR"];
    case "asset":
      return ["GENERATED_ASSET", "USES_COLOR"];
    case "feedback":
      return ["RECEIVED_FEEDBACK"];
    case "template":
      return ["HAS_TEMPLATE", "BASED_ON_ASSET"];
    default:
      throw new UnreachableCaseError(entity);
  }
}

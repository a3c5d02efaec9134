import type { ChangeOperation as GraphQLChangeOperation, ChangedEntityKind } from "../../generated/graphql.ts";
import type { ChangeOperation, EntityKind } from "../../outbox/entityChange.ts";

export const changedEntityKind = (entity: EntityKind) => entity.toUpperCase() as ChangedEntityKind;
export const changeOperation = (operation: ChangeOperation) => operation.toUpperCase() as GraphQLChangeOperation;

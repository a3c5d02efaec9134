import type { EntityChange, EntityKind } from "./entityChange.ts";

export const upserted = (entity: EntityKind, id: string, organizationId: string): EntityChange => ({ entity, id, operation: "upsert", organizationId });
export const deleted = (entity: EntityKind, id: string, organizationId: string): EntityChange => ({ entity, id, operation: "delete", organizationId });

import type { EntityChange, EntityKind } from "./entityChange.ts";

export const upserted = (entity: EntityKind, id: string): EntityChange => ({ entity, id, operation: "upsert" });
export const deleted = (entity: EntityKind, id: string): EntityChange => ({ entity, id, operation: "delete" });

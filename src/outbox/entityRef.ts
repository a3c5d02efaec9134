import type { EntityKind } from "./entityChange.ts";

/** One entity the projector brings in line with Postgres; whether it is an upsert or a delete is
 *  decided by reading Postgres at projection time, never by the event that named it. */
export interface EntityRef {
  readonly entity: EntityKind;
  readonly id: string;
}

export const refKey = (ref: EntityRef): string => `${ref.entity}:${ref.id}`;

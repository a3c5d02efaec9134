/** What the outbox records: which entity changed and how; the projector reads its current state. */
export type EntityKind = "organization" | "brand" | "asset" | "feedback" | "template";
export type ChangeOperation = "upsert" | "delete";

export interface EntityChange {
  readonly entity: EntityKind;
  readonly id: string;
  readonly operation: ChangeOperation;
}

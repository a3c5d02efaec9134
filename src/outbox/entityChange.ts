/** What the outbox records: which entity changed and how; the projector reads its current state. */
export type EntityKind = "organization" | "brand" | "asset" | "feedback" | "template";
export type ChangeOperation = "upsert" | "delete";

export interface EntityChange {
  readonly entity: EntityKind;
  readonly id: string;
  readonly operation: ChangeOperation;
  /** Whose change it is: its subscribers alone are told (src/subscriptions/), even of a delete. */
  readonly organizationId: string;
}

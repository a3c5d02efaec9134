/**
 * What an outbox event names (entity_type, operation), as the capture triggers record it: which
 * entity changed and how; the projector reads its current state.
 */
export type EntityKind = "organization" | "brand" | "asset" | "feedback" | "template";
export type ChangeOperation = "upsert" | "delete";

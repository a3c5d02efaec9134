// The outbox read as the subscriptions' log: applied events in applied_seq order, the order the
// drainers committed them (settleEvents.ts markApplied), so "everything after n" has no gaps and no
// repeats however many replicas drain. Every statement reads by applied_seq through its index.
import type { ChangeOperation, EntityKind } from "../outbox/entityChange.ts";
import type { Sql } from "../postgres/createPrisma.ts";
import { ErrorCode, GatewayError } from "../errors/codes.ts";

export interface AppliedEvent {
  /** The position in the commit order of applied events; what delivery and resuming follow. */
  readonly seq: bigint;
  /** The outbox event id, which clients see and resume with. */
  readonly id: bigint;
  readonly entity: EntityKind;
  readonly entityId: string;
  readonly operation: ChangeOperation;
  readonly organizationId: string;
  readonly appliedAt: Date;
}

interface EventRow {
  seq: string;
  id: string;
  entity: EntityKind;
  entityId: string;
  operation: ChangeOperation;
  organizationId: string;
  appliedAt: Date;
}

const COLUMNS = `applied_seq AS seq, id, entity_type AS entity, entity_id AS "entityId", operation,
  organization_id AS "organizationId", applied_at AS "appliedAt"`;

const toEvent = (row: EventRow): AppliedEvent => ({ ...row, seq: BigInt(row.seq), id: BigInt(row.id) });

/** Where the feed's own reads run: the listener's connection (or any that can run a statement). */
export type StatementRunner = Pick<Sql, "rows">;

/** Applied events after `seq` of every organization, oldest first: what a process's feed fans out. */
export async function readAppliedAfter(sql: StatementRunner, seq: bigint, limit: number): Promise<AppliedEvent[]> {
  const rows = await sql.rows<EventRow>(
    `/* appliedEventsAfter */ SELECT ${COLUMNS} FROM sync_events
      WHERE applied_seq > $1 AND organization_id IS NOT NULL ORDER BY applied_seq LIMIT $2`,
    [String(seq), limit],
  );
  return rows.map(toEvent);
}

/** One organization's applied events after `seq` (null: every organization's), for a resuming subscriber. */
export async function readOrganizationAppliedAfter(sql: Sql, organizationId: string | null, seq: bigint, limit: number): Promise<AppliedEvent[]> {
  const rows = await sql.rows<EventRow>(
    `/* organizationAppliedEventsAfter */ SELECT ${COLUMNS} FROM sync_events
      WHERE applied_seq > $1 AND organization_id IS NOT NULL AND ($3::text IS NULL OR organization_id = $3)
      ORDER BY applied_seq LIMIT $2`,
    [String(seq), limit, organizationId],
  );
  return rows.map(toEvent);
}

/** The newest applied position: where a feed starts, and catches up to after a lost connection. */
export async function readLatestSeq(sql: StatementRunner): Promise<bigint> {
  const [row] = await sql.rows<{ seq: string | null }>(`/* latestAppliedSeq */ SELECT max(applied_seq) AS seq FROM sync_events`, []);
  return BigInt(row?.seq ?? 0);
}

/**
 * Where a subscription given `after` (an event id it saw) resumes: that event's position. An id that
 * is not a whole number is BAD_USER_INPUT; one that is not an applied event of the caller's
 * organization, or was applied longer than the window ago, is RESUME_WINDOW_EXCEEDED (the client
 * resubscribes without `after` and re-queries what it shows). The two cases of the latter are not
 * told apart, so an id says nothing about another organization.
 */
export async function resumePosition(sql: Sql, organizationId: string | null, after: string, windowSeconds: number): Promise<bigint> {
  if (!/^\d{1,18}$/.test(after)) {
    throw new GatewayError(ErrorCode.BadUserInput, "after: expected an eventId this subscription sent", { field: "after" });
  }
  const [row] = await sql.rows<{ seq: string }>(
    `/* resumePosition */ SELECT applied_seq AS seq FROM sync_events
      WHERE id = $1 AND applied_seq IS NOT NULL AND ($2::text IS NULL OR organization_id = $2)
        AND applied_at > now() - $3 * interval '1 second'`,
    [after, organizationId, windowSeconds],
  );
  if (!row) {
    throw new GatewayError(
      ErrorCode.ResumeWindowExceeded,
      `after: event ${after} is not one this subscription can resume from (older than ${windowSeconds} s, or unknown); subscribe without after and re-query`,
      { field: "after" },
    );
  }
  return BigInt(row.seq);
}

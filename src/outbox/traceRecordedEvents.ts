// The capture triggers record a mutation's events without knowing the request behind them; when
// tracing is on, the mutation stamps its span's traceparent on them in the same transaction, so the
// drainer pass that applies them links its span back to the request (drainPass.ts). Untraced, no
// statement is sent.
import { currentTraceparent } from "../observability/tracing.ts";
import type { RawSql } from "../postgres/rawSql.ts";

export async function traceRecordedEvents(tx: RawSql, eventIds: readonly bigint[]): Promise<void> {
  const traceparent = currentTraceparent();
  if (traceparent === null || eventIds.length === 0) return;
  await tx.$executeRaw`/* traceRecordedEvents */ UPDATE sync_events SET traceparent = ${traceparent} WHERE id = ANY(${eventIds.map(String)}::bigint[])`;
}

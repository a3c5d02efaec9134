// Spans, through the OpenTelemetry API. Nothing here loads the SDK: until startTracing.ts registers
// it (OTEL_* configured), every function below returns at its first line, so a gateway without
// tracing pays one boolean test per statement. The API's global tracer and context are how OTel is
// wired by design: an SQL statement's hook (Prisma's query event, the pool) has no request object
// to carry a tracer, only the async context the statement runs in.
import {
  context,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  TraceFlags,
  type Attributes,
  type Link,
  type Span,
} from "@opentelemetry/api";

export { SpanKind };

export const TRACER_NAME = "mobius-graph-gateway";

let started = false;

/** Set by startTracing.ts once the SDK is registered, and back when it shuts down. */
export function markTracingStarted(on: boolean): void {
  started = on;
}

export function tracingStarted(): boolean {
  return started;
}

export interface SpanOptions {
  readonly kind?: SpanKind;
  readonly attributes?: Attributes;
  /** A new trace of its own (a drainer pass), whatever the caller's context. */
  readonly root?: boolean;
  /** Spans of other traces this one follows from (the requests whose events a pass applies). */
  readonly links?: Link[];
}

/**
 * Runs `work` with a span active around it, so the statements it sends become the span's children;
 * ends the span with work's outcome. Tracing off: just runs work (span null).
 */
export async function inSpan<T>(name: string, options: SpanOptions, work: (span: Span | null) => Promise<T>): Promise<T> {
  if (!started) return work(null);
  const parent = options.root ? ROOT_CONTEXT : context.active();
  const span = trace.getTracer(TRACER_NAME).startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes, links: options.links }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    failSpan(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/** A span for a statement that already ran: the pool and Prisma tell of one only when it is done. */
export function recordStatementSpan(name: string, durationMs: number, attributes: Attributes): void {
  if (!started) return;
  const end = performance.timeOrigin + performance.now();
  trace
    .getTracer(TRACER_NAME)
    .startSpan(name, { kind: SpanKind.CLIENT, startTime: end - durationMs, attributes }, context.active())
    .end(end);
}

function failSpan(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message.split("\n")[0] : String(error) });
}

/**
 * The active span as a W3C traceparent (version 00), for an outbox row its change's drainer pass
 * links back to; null when tracing is off or nothing is being traced.
 */
export function currentTraceparent(): string | null {
  if (!started) return null;
  const span = trace.getActiveSpan()?.spanContext();
  if (!span || !trace.isSpanContextValid(span)) return null;
  return `00-${span.traceId}-${span.spanId}-0${(span.traceFlags & TraceFlags.SAMPLED).toString(16)}`;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** A link to the span a traceparent names; null for anything malformed. */
export function linkTo(traceparent: string | null): Link | null {
  const match = traceparent ? TRACEPARENT.exec(traceparent) : null;
  if (!match) return null;
  const spanContext = { traceId: match[1]!, spanId: match[2]!, traceFlags: parseInt(match[3]!, 16), isRemote: true };
  return trace.isSpanContextValid(spanContext) ? { context: spanContext } : null;
}

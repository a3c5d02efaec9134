// One trace per request: a server span around the whole handler, continuing the caller's trace when
// it sends a W3C traceparent. Probes and scrapes (/health, /ready, /metrics) are not traced: they
// would outnumber the requests worth reading. Tracing off: the handler itself, unwrapped.
import type { RequestListener } from "node:http";
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { TRACER_NAME, tracingStarted } from "../observability/tracing.ts";

const UNTRACED = new Set(["/health", "/ready", "/metrics"]);

/** Ids in a path (/v1/brands/<uuid>/graph) become {id}, so span names stay a handful. */
const routeOf = (path: string) => path.replace(/\/[^/]*\d[^/]*(?=\/|$)/g, (segment) => (segment.length > 8 ? "/{id}" : segment));

export function traceRequests(handler: RequestListener): RequestListener {
  if (!tracingStarted()) return handler;
  return (req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    if (UNTRACED.has(path)) return handler(req, res);
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = trace.getTracer(TRACER_NAME).startSpan(
      `${req.method} ${routeOf(path)}`,
      { kind: SpanKind.SERVER, attributes: { "http.request.method": req.method ?? "GET", "url.path": path } },
      parent,
    );
    res.once("close", () => {
      span.setAttribute("http.response.status_code", res.statusCode);
      if (res.statusCode >= 500 || !res.writableFinished) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), () => handler(req, res));
  };
}

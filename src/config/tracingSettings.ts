// OpenTelemetry tracing from the standard OTEL_* variables, off unless asked for: an OTLP endpoint
// (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) or OTEL_TRACES_EXPORTER=otlp
// or console turns it on; OTEL_SDK_DISABLED=true or OTEL_TRACES_EXPORTER=none keeps it off. The
// exporter speaks OTLP over HTTP with JSON bodies (Collector, Jaeger, Tempo and most vendors accept
// it on :4318), so OTEL_EXPORTER_OTLP_PROTOCOL may only say http/json.

/** What src/observability/startTracing.ts needs; null in Config when tracing is off. */
export interface TracingSettings {
  readonly exporter: "otlp" | "console";
  /** Where spans are POSTed (the full URL, …/v1/traces). */
  readonly tracesUrl: string;
  /** Sent with every export (OTEL_EXPORTER_OTLP_HEADERS, e.g. a vendor's API key). */
  readonly headers: Readonly<Record<string, string>>;
  readonly serviceName: string;
  /** Share of new traces recorded (OTEL_TRACES_SAMPLER_ARG with a traceidratio sampler); a caller's sampled parent is followed. */
  readonly sampleRatio: number;
}

export type TracingParse = { readonly settings: TracingSettings | null } | { readonly problems: string[] };

const EXPORTERS = ["otlp", "console", "none"] as const;
const SAMPLERS = ["always_on", "parentbased_always_on", "traceidratio", "parentbased_traceidratio"] as const;
const DEFAULT_BASE = "http://localhost:4318";

export function tracingSettings(env: NodeJS.ProcessEnv): TracingParse {
  const value = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const problems: string[] = [];
  const disabled = value("OTEL_SDK_DISABLED")?.toLowerCase();
  if (disabled !== undefined && !["true", "false"].includes(disabled)) problems.push("OTEL_SDK_DISABLED: expected true or false");

  const exporter = value("OTEL_TRACES_EXPORTER")?.toLowerCase();
  if (exporter !== undefined && !(EXPORTERS as readonly string[]).includes(exporter)) {
    problems.push(`OTEL_TRACES_EXPORTER: expected one of ${EXPORTERS.join(", ")} (only one exporter at a time)`);
  }
  const tracesEndpoint = value("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
  const baseEndpoint = value("OTEL_EXPORTER_OTLP_ENDPOINT");
  for (const [name, url] of [["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", tracesEndpoint], ["OTEL_EXPORTER_OTLP_ENDPOINT", baseEndpoint]] as const) {
    if (url !== undefined && !/^https?:\/\/[^\s/]+/.test(url)) problems.push(`${name}: expected an http:// or https:// URL`);
  }
  for (const name of ["OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL"]) {
    const protocol = value(name);
    if (protocol !== undefined && protocol !== "http/json") {
      problems.push(`${name}: expected http/json (the gateway exports OTLP over HTTP as JSON; grpc and http/protobuf are not built in)`);
    }
  }
  const headers = parseHeaders(value("OTEL_EXPORTER_OTLP_TRACES_HEADERS") ?? value("OTEL_EXPORTER_OTLP_HEADERS"));
  if (headers === null) {
    problems.push(`${value("OTEL_EXPORTER_OTLP_TRACES_HEADERS") ? "OTEL_EXPORTER_OTLP_TRACES_HEADERS" : "OTEL_EXPORTER_OTLP_HEADERS"}: expected name=value pairs separated by commas`);
  }
  const sampler = value("OTEL_TRACES_SAMPLER")?.toLowerCase() ?? "parentbased_always_on";
  if (!(SAMPLERS as readonly string[]).includes(sampler)) problems.push(`OTEL_TRACES_SAMPLER: expected one of ${SAMPLERS.join(", ")}`);
  const ratioText = value("OTEL_TRACES_SAMPLER_ARG");
  const ratio = sampler.endsWith("traceidratio") ? Number(ratioText ?? "1") : 1;
  if (!(ratio >= 0 && ratio <= 1)) problems.push("OTEL_TRACES_SAMPLER_ARG: expected a ratio from 0 to 1");
  if (problems.length > 0) return { problems };

  const on = exporter === "otlp" || exporter === "console" || (exporter === undefined && (tracesEndpoint ?? baseEndpoint) !== undefined);
  if (disabled === "true" || !on) return { settings: null };
  return {
    settings: Object.freeze({
      exporter: exporter === "console" ? "console" : "otlp",
      tracesUrl: tracesEndpoint ?? `${(baseEndpoint ?? DEFAULT_BASE).replace(/\/+$/, "")}/v1/traces`,
      headers: Object.freeze(headers ?? {}),
      serviceName: value("OTEL_SERVICE_NAME") ?? "mobius-graph-gateway",
      sampleRatio: ratio,
    }),
  };
}

/** W3C baggage-like `name=value,name2=value2`, values percent-decoded; null when malformed. */
function parseHeaders(text: string | undefined): Record<string, string> | null {
  if (text === undefined) return {};
  const headers: Record<string, string> = {};
  for (const pair of text.split(",")) {
    const at = pair.indexOf("=");
    const name = pair.slice(0, at).trim();
    if (at <= 0 || !/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(name)) return null;
    try {
      headers[name.toLowerCase()] = decodeURIComponent(pair.slice(at + 1).trim());
    } catch {
      return null;
    }
  }
  return headers;
}

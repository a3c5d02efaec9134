// Loads and registers the OpenTelemetry SDK, only when tracing is configured (Config.tracing): a
// gateway without it never imports the SDK. Spans are batched and POSTed to the OTLP/HTTP endpoint
// (JSON), or printed (OTEL_TRACES_EXPORTER=console); tests hand in an exporter of their own, whose
// spans are then exported one by one as they end.
import type { SpanExporter } from "@opentelemetry/sdk-trace";
import type { TracingSettings } from "../config/config.ts";
import { markTracingStarted } from "./tracing.ts";

export interface Tracing {
  /** Exports what is still buffered and unregisters the SDK. */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  /** Instead of the configured exporter (tests: an InMemorySpanExporter). */
  readonly exporter?: SpanExporter;
}

export async function startTracing(settings: TracingSettings, options: TracingOptions = {}): Promise<Tracing> {
  const [api, sdk, { AsyncLocalStorageContextManager }, { W3CTraceContextPropagator }, { resourceFromAttributes }] = await Promise.all([
    import("@opentelemetry/api"),
    import("@opentelemetry/sdk-trace"),
    import("@opentelemetry/context-async-hooks"),
    import("@opentelemetry/core"),
    import("@opentelemetry/resources"),
  ]);
  const processor = options.exporter
    ? new sdk.SimpleSpanProcessor({ exporter: options.exporter })
    : new sdk.BatchSpanProcessor({ exporter: await configuredExporter(settings, sdk) });
  const provider = new sdk.TracerProvider({
    resource: resourceFromAttributes({ "service.name": settings.serviceName }),
    sampler: new sdk.ParentBasedSampler({ root: new sdk.TraceIdRatioBasedSampler(settings.sampleRatio) }),
    spanProcessors: [processor],
  });
  api.trace.setGlobalTracerProvider(provider);
  api.context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  api.propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  markTracingStarted(true);
  return {
    async shutdown() {
      markTracingStarted(false);
      await provider.shutdown();
      api.trace.disable();
      api.context.disable();
      api.propagation.disable();
    },
  };
}

async function configuredExporter(settings: TracingSettings, sdk: typeof import("@opentelemetry/sdk-trace")): Promise<SpanExporter> {
  if (settings.exporter === "console") return new sdk.ConsoleSpanExporter();
  const { OTLPTraceExporter } = await import("@opentelemetry/exporter-trace-otlp-http");
  return new OTLPTraceExporter({ url: settings.tracesUrl, headers: { ...settings.headers } });
}

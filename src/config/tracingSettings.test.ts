import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";
import { tracingSettings } from "./tracingSettings.ts";

describe("tracing settings", () => {
  it("is off unless an endpoint or an exporter is configured", () => {
    expect(tracingSettings({})).toEqual({ settings: null });
    expect(loadConfig({}).tracing).toBeNull();
    expect(tracingSettings({ OTEL_SERVICE_NAME: "gateway" })).toEqual({ settings: null });
  });

  it("turns on with OTEL_EXPORTER_OTLP_ENDPOINT, posting to its /v1/traces", () => {
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318/" })).toEqual({
      settings: { exporter: "otlp", tracesUrl: "http://collector:4318/v1/traces", headers: {}, serviceName: "mobius-graph-gateway", sampleRatio: 1 },
    });
  });

  it("takes the traces endpoint as it is, headers, the service name and a sampling ratio", () => {
    const parsed = tracingSettings({
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "https://otlp.example.com/custom/traces",
      OTEL_EXPORTER_OTLP_HEADERS: "api-key=abc%3D%3D,X-Team=graph",
      OTEL_SERVICE_NAME: "gateway-eu",
      OTEL_TRACES_SAMPLER: "parentbased_traceidratio",
      OTEL_TRACES_SAMPLER_ARG: "0.25",
    });
    expect(parsed).toEqual({
      settings: {
        exporter: "otlp",
        tracesUrl: "https://otlp.example.com/custom/traces",
        headers: { "api-key": "abc==", "x-team": "graph" },
        serviceName: "gateway-eu",
        sampleRatio: 0.25,
      },
    });
  });

  it("turns on with OTEL_TRACES_EXPORTER=otlp at the default local collector, and stays off when disabled", () => {
    expect(tracingSettings({ OTEL_TRACES_EXPORTER: "otlp" })).toMatchObject({ settings: { tracesUrl: "http://localhost:4318/v1/traces" } });
    expect(tracingSettings({ OTEL_TRACES_EXPORTER: "console" })).toMatchObject({ settings: { exporter: "console" } });
    expect(tracingSettings({ OTEL_TRACES_EXPORTER: "none", OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318" })).toEqual({ settings: null });
    expect(tracingSettings({ OTEL_SDK_DISABLED: "true", OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318" })).toEqual({ settings: null });
  });

  it("names each bad variable in one line, through loadConfig", () => {
    let error: unknown;
    try {
      loadConfig({
        OTEL_TRACES_EXPORTER: "jaeger",
        OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318",
        OTEL_EXPORTER_OTLP_PROTOCOL: "grpc",
        OTEL_EXPORTER_OTLP_HEADERS: "no-equals-sign",
        OTEL_TRACES_SAMPLER: "traceidratio",
        OTEL_TRACES_SAMPLER_ARG: "2",
        PORT: "x",
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((p) => p.split(":")[0])).toEqual([
      "PORT",
      "OTEL_TRACES_EXPORTER",
      "OTEL_EXPORTER_OTLP_ENDPOINT",
      "OTEL_EXPORTER_OTLP_PROTOCOL",
      "OTEL_EXPORTER_OTLP_HEADERS",
      "OTEL_TRACES_SAMPLER_ARG",
    ]);
    expect(problems.join("\n")).not.toContain("no-equals-sign");
  });
});

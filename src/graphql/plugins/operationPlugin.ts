// One log line and one histogram sample per GraphQL operation, with its request id, name, type,
// duration and outcome, plus a counter of errors by code: what an on-call engineer reads first.
import type { ApolloServerPlugin } from "@apollo/server";
import { Counter, Histogram } from "prom-client";
import type { GatewayContext } from "../context.ts";
import { LATENCY_BUCKETS, type Registry } from "../../observability/metricsRegistry.ts";

/** Client-chosen names become label values, so only well-formed ones are kept as they are. */
const labelFor = (name: string | null | undefined) => (!name ? "anonymous" : /^\w{1,64}$/.test(name) ? name : "invalid");

export function operationPlugin(registry: Registry): ApolloServerPlugin<GatewayContext> {
  const duration = new Histogram({
    name: "mobius_graphql_operation_duration_seconds",
    help: "GraphQL operation duration by operation name and type",
    labelNames: ["operation_name", "operation_type", "outcome"],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const errors = new Counter({
    name: "mobius_graphql_errors_total",
    help: "GraphQL errors returned to clients, by extensions.code",
    labelNames: ["code"],
    registers: [registry],
  });

  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operation, operationName, errors: raised, response }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const body = response.body.kind === "single" ? response.body.singleResult : undefined;
          const codes = (body?.errors ?? []).map((e) => String(e.extensions?.code ?? "INTERNAL_SERVER_ERROR"));
          for (const code of codes) errors.inc({ code });
          const outcome = codes.length === 0 ? "ok" : body?.data ? "partial" : "error";
          const labels = { operation_name: labelFor(operationName), operation_type: operation?.operation ?? "unknown", outcome };
          duration.observe(labels, seconds);
          const internal = (raised ?? []).filter((e) => !e.extensions?.code || e.extensions.code === "INTERNAL_SERVER_ERROR");
          contextValue.log[outcome === "ok" ? "info" : "warn"](
            {
              event: "graphql_operation",
              operationName: operationName ?? null,
              operationType: labels.operation_type,
              durationMs: Math.round(seconds * 1e5) / 100,
              outcome,
              errorCodes: codes.length ? codes : undefined,
              err: internal[0]?.originalError ?? undefined,
            },
            "graphql operation",
          );
        },
      };
    },
  };
}

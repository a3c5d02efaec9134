// Subscriptions over the GraphQL-over-WebSocket protocol (graphql-ws) on the same path and HTTP
// server as POST /graphql. The connection authenticates once, on connection_init, with the same
// bearer token (`{ authorization: "Bearer …" }` in its payload, or the upgrade request's header): a
// missing or invalid one closes the socket with 4401 and the reason. Only subscriptions are served
// here, under the same trusted-documents rule and depth, alias and cost limits as HTTP; queries and
// mutations go to POST. A message is at most as large as a POST body. Each distinct document text is
// parsed and checked once, and its subscribers share the result (checkedDocuments.ts).
import { randomUUID } from "node:crypto";
import type http from "node:http";
import { GraphQLError, getOperationAST, parse, specifiedRules, validate, type DocumentNode, type ExecutionResult, type FormattedExecutionResult, type GraphQLSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { Access } from "../auth/access.ts";
import { authenticate } from "../auth/authenticate.ts";
import { InvalidToken } from "../auth/tokenVerifier.ts";
import { ErrorCode } from "../errors/codes.ts";
import { formatError } from "../errors/formatError.ts";
import type { GatewayDeps } from "../gateway/gatewayDeps.ts";
import { createContext } from "../graphql/context.ts";
import type { Admission, OperationParams } from "../graphql/trustedDocuments/admitOperation.ts";
import { firstViolation, queryLimitRules } from "../graphql/plugins/queryLimits.ts";
import { withDeclaredListSizes } from "../graphql/plugins/declaredListSizes.ts";
import { checkedDocuments } from "./checkedDocuments.ts";
import { MAX_BODY_BYTES } from "./graphqlHandler.ts";
import { startSocketHeartbeat } from "./socketHeartbeat.ts";

/** Characters of subscription text kept parsed and checked: thousands of operations of a few hundred characters. */
const DOCUMENT_CHARACTERS_KEPT = 500_000;

/** graphql-ws's close code for an unauthorized connection; its client does not retry it. */
export const CLOSE_UNAUTHENTICATED = 4401;

export interface SubscriptionServer {
  /** Open WebSocket connections. */
  connections(): number;
  close(): Promise<void>;
}

export function serveSubscriptions(
  server: http.Server,
  schema: GraphQLSchema,
  deps: GatewayDeps,
  admit: (params: OperationParams) => Admission,
): SubscriptionServer {
  // A larger message closes the connection with 1009 (ws's own default would be 100 MiB).
  const wss = new WebSocketServer({ server, path: "/graphql", maxPayload: MAX_BODY_BYTES });
  const limits = queryLimitRules(deps.config.queryLimits);
  const failed = (message: string, code: string) => [new GraphQLError(message, { extensions: { code } })];
  const documents = checkedDocuments((query) => {
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (error) {
      return { errors: failed((error as GraphQLError).message, "GRAPHQL_PARSE_FAILED") };
    }
    const invalid = validate(schema, document, specifiedRules);
    if (invalid.length > 0) return { errors: invalid.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } })) };
    const violation = firstViolation(() => validate(schema, withDeclaredListSizes(schema, document), limits));
    if (violation) return { errors: failed(violation.replace(/^Syntax Error: /, ""), ErrorCode.QueryTooComplex) };
    return { document };
  }, DOCUMENT_CHARACTERS_KEPT);

  const serving = useServer<Record<string, unknown> | undefined, { access: Access }>(
    {
      isProd: deps.config.production,
      async onConnect(ctx) {
        const given = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization ?? ctx.extra.request.headers.authorization;
        try {
          ctx.extra.access = await authenticate({ authorization: typeof given === "string" ? given : undefined }, deps.verifyToken);
          return true;
        } catch (error) {
          if (!(error instanceof InvalidToken)) throw error;
          // A close reason is at most 123 bytes.
          ctx.extra.socket.close(CLOSE_UNAUTHENTICATED, `UNAUTHENTICATED: ${error.message}`.slice(0, 123));
          return false;
        }
      },
      onSubscribe(ctx, _id, payload) {
        const admission = admit({ query: payload.query, extensions: payload.extensions });
        if (!admission.admitted) return failed(admission.message, admission.code);
        const checked = documents(admission.params.query as string);
        if ("errors" in checked) return [...checked.errors];
        const { document } = checked;
        if (getOperationAST(document, payload.operationName)?.operation !== "subscription") {
          return failed("Only subscriptions are served over WebSocket; send queries and mutations to POST /graphql", ErrorCode.BadUserInput);
        }
        const contextValue = createContext(deps, { requestId: randomUUID(), access: ctx.extra.access!, headers: {} });
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
      },
      // What a client sees of an error is decided in one place, over WebSocket as over HTTP.
      onNext: (_ctx, _id, _payload, _args, result) => formatResult(result),
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e)),
    },
    wss,
    0, // Its per-socket keep-alive off: one heartbeat pings every socket (socketHeartbeat.ts).
  );
  const heartbeat = startSocketHeartbeat(wss, deps.config.subscriptionHeartbeatMs);
  // A socket's 'error' is a client breaking the protocol (a message over maxPayload, a bad frame),
  // and ws has already closed the connection with the code that says why. graphql-ws would print
  // it to stderr as an internal error with its stack; it is logged as the client's.
  wss.on("connection", (socket) => {
    socket.removeAllListeners("error");
    socket.on("error", (error) => deps.logger.info({ reason: error.message }, "subscription_connection_refused"));
  });

  return {
    connections: () => wss.clients.size,
    async close() {
      heartbeat.stop();
      for (const socket of wss.clients) socket.terminate();
      await serving.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function formatResult(result: ExecutionResult): FormattedExecutionResult | void {
  if (!result.errors) return;
  return { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) };
}

// Where every request enters: builds the whole gateway from its dependencies (createDeps.ts), with
// no module-level state, so main.ts, the tests and the benchmark run the same server. Public routes
// (health, readiness, metrics, the pages) answer first; everything else needs a bearer token and goes
// to GraphQL (/graphql, Apollo) or the seed plan's REST routes (/v1). Every request passes one
// boundary (requestBoundary.ts) that turns anything thrown into a JSON error answer.
import http from "node:http";
import { randomUUID } from "node:crypto";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { buildSchema } from "../graphql/buildSchema.ts";
import { createContext, type GatewayContext } from "../graphql/context.ts";
import { formatError } from "../errors/formatError.ts";
import { restHandler } from "../rest/restHandler.ts";
import { ASSET_IMAGE_ROUTE, assetImageUpload } from "../rest/assetImageUpload.ts";
import type { GatewayDeps } from "../gateway/gatewayDeps.ts";
import { graphqlHandler } from "./graphqlHandler.ts";
import { serveSubscriptions, type SubscriptionServer } from "./subscriptionServer.ts";
import { readGraphHealth } from "../health/readGraphHealth.ts";
import { readiness } from "../health/readiness.ts";
import { operationPlugin } from "../graphql/plugins/operationPlugin.ts";
import { queryLimitsPlugin } from "../graphql/plugins/queryLimits.ts";
import { graphSyncExtensionPlugin } from "../graphql/plugins/graphSyncExtension.ts";
import { graphqlSpanPlugin } from "../graphql/plugins/graphqlSpanPlugin.ts";
import { tracingStarted } from "../observability/tracing.ts";
import { traceRequests } from "./traceRequests.ts";
import { rejectUnstorableStringsPlugin } from "../graphql/plugins/rejectUnstorableStrings.ts";
import { createCors } from "./cors.ts";
import { admitOperations } from "./admitOperations.ts";
import { sendJson } from "./sendJson.ts";
import { drainable, type DrainReport } from "./drainableServer.ts";
import { MAX_QUERY_TOKENS } from "../domain/nesting.ts";
import { answerClientError, requestBoundary, type RouteRequest } from "./requestBoundary.ts";
import { serveAsset, servePage, wantsPlayground } from "./webPages.ts";
import { sendUnauthenticated } from "./sendUnauthenticated.ts";
import type { Access } from "../auth/access.ts";
import { authenticate } from "../auth/authenticate.ts";
import { InvalidToken } from "../auth/tokenVerifier.ts";

export type { DrainReport };

export interface Gateway {
  readonly server: http.Server;
  readonly apollo: ApolloServer<GatewayContext>;
  /** graphql-ws on /graphql; null where subscriptions are off (no change feed). */
  readonly subscriptions: SubscriptionServer | null;
  /** Listens on the port (0 picks a free one) and resolves to the base URL. */
  listen(port: number, host?: string): Promise<string>;
  /**
   * Stops accepting connections at once (`onListenerClosed` is told when), lets every request
   * already accepted finish within `graceMs`, then closes what is left (drainableServer.ts).
   */
  drain(graceMs: number, onListenerClosed?: (closedAt: number) => void): Promise<DrainReport>;
  close(): Promise<void>;
}

export async function createServer(deps: GatewayDeps): Promise<Gateway> {
  const schema = await buildSchema(deps.graph);
  const apollo = new ApolloServer<GatewayContext>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: MAX_QUERY_TOKENS },
    introspection: deps.config.introspection,
    // main.ts owns shutdown: it must close Prisma, Neo4j and local servers after Apollo.
    stopOnTerminationSignals: false,
    plugins: [
      operationPlugin(deps.metrics),
      queryLimitsPlugin(deps.config.queryLimits),
      rejectUnstorableStringsPlugin(),
      graphSyncExtensionPlugin(),
      ...(tracingStarted() ? [graphqlSpanPlugin()] : []),
      // No type carries cache hints and POST responses are not cached: the default plugin's hook on
      // every resolved field would only cost time.
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();

  const requestIdOf = (req: http.IncomingMessage) => {
    const given = req.headers["x-request-id"];
    return typeof given === "string" && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
  };
  const admit = admitOperations(deps);
  const graphql = graphqlHandler(apollo, admit);
  const rest = restHandler(deps);
  const cors = createCors(deps.config.cors);
  const uploadImage = assetImageUpload(deps);

  const route: RouteRequest = async (req, res, { url, requestId }) => {
    if (cors.answerPreflight(req, res)) return;
    cors.decorate(req, res);
    if (url.pathname === "/health") return sendJson(res, 200, { status: "ok" });
    if (wantsPlayground(req, url)) return servePage(res, "playground");
    if (url.pathname === "/explorer") return servePage(res, "explorer");
    if (url.pathname.startsWith("/ui/")) return serveAsset(res, url);
    if (url.pathname === "/dev/token") return sendJson(res, deps.devToken ? 200 : 404, { token: deps.devToken ? await deps.devToken() : null });
    if (url.pathname === "/metrics") {
      res.writeHead(200, { "content-type": deps.metrics.contentType });
      return void res.end(await deps.metrics.metrics());
    }
    if (url.pathname === "/ready") {
      const ready = await readiness(deps);
      return sendJson(res, ready.ready ? 200 : 503, ready);
    }
    if (url.pathname === "/v1/health/graph") {
      const report = await readGraphHealth(deps);
      return sendJson(res, report.status === "unhealthy" ? 503 : 200, report);
    }
    // Its own authentication: a bearer token, or the signed URL a browser got from GraphQL.
    if (ASSET_IMAGE_ROUTE.test(url.pathname)) return await uploadImage(req, res, url);

    // Only GraphQL and /v1 hold data: any other path (a browser's /favicon.ico) is 404 without a token.
    if (url.pathname !== "/graphql" && !url.pathname.startsWith("/v1/")) {
      return sendJson(res, 404, { error: "NOT_FOUND", message: `No route for ${req.method} ${url.pathname}` });
    }
    let access: Access;
    try {
      access = await authenticate(req.headers, deps.verifyToken);
    } catch (error) {
      if (!(error instanceof InvalidToken)) throw error;
      return sendUnauthenticated(res, url, error.message);
    }
    if (url.pathname === "/graphql") return await graphql(req, res, url, async () => createContext(deps, { requestId, access, headers: req.headers }));
    const reply = await rest(req.method ?? "GET", url, access);
    if (reply.allow) res.setHeader("allow", reply.allow);
    return sendJson(res, reply.status, reply.body);
  };
  const server = http.createServer(traceRequests(requestBoundary(route, deps.logger, requestIdOf)));
  server.on("clientError", answerClientError(deps.logger));

  const connections = drainable(server);
  const subscriptions = deps.changes ? serveSubscriptions(server, schema, deps, admit) : null;

  return {
    server,
    apollo,
    subscriptions,
    listen(port, host = "127.0.0.1") {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const address = server.address();
          const shown = host.includes(":") ? `[${host}]` : host;
          resolve(`http://${shown}:${typeof address === "object" && address ? address.port : port}`);
        });
      });
    },
    drain,
    async close() {
      await drain(0);
    },
  };

  async function drain(graceMs: number, onListenerClosed?: (closedAt: number) => void): Promise<DrainReport> {
    // Subscribers are told the server is going (close 1001) and resume elsewhere with `after`.
    await subscriptions?.close();
    const report = await connections.drain(graceMs, onListenerClosed);
    await apollo.stop();
    return report;
  }
}

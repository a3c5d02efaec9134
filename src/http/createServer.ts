// Builds the whole gateway from its dependencies, with no module-level state, so main.ts and the
// tests run the same server. Routes: /graphql (Apollo), /health; later issues add /v1 and /metrics.
import http from "node:http";
import { randomUUID } from "node:crypto";
import { ApolloServer } from "@apollo/server";
import { buildSchema } from "../graphql/buildSchema.ts";
import { createContext, type GatewayContext } from "../graphql/context.ts";
import { formatError } from "../errors/formatError.ts";
import type { GatewayDeps } from "./deps.ts";
import { graphqlHandler } from "./graphqlHandler.ts";
import { sendJson } from "./sendJson.ts";

export interface Gateway {
  readonly server: http.Server;
  readonly apollo: ApolloServer<GatewayContext>;
  /** Listens on the port (0 picks a free one) and resolves to the base URL. */
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

export async function createServer(deps: GatewayDeps): Promise<Gateway> {
  const apollo = new ApolloServer<GatewayContext>({
    schema: buildSchema(),
    formatError,
    includeStacktraceInErrorResponses: false,
    // main.ts owns shutdown: it must close Prisma, Neo4j and local servers after Apollo.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const requestIdOf = (req: http.IncomingMessage) => {
    const given = req.headers["x-request-id"];
    return typeof given === "string" && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
  };
  const graphql = graphqlHandler(apollo, async (request) => createContext(deps, request));

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://gateway.local");
    const requestId = requestIdOf(req);
    res.setHeader("x-request-id", requestId);
    try {
      if (url.pathname === "/graphql") return await graphql(req, res, url, requestId);
      if (url.pathname === "/health") return sendJson(res, 200, { status: "ok" });
      return sendJson(res, 404, { error: "NOT_FOUND", message: `No route for ${req.method} ${url.pathname}` });
    } catch (error) {
      deps.logger.error({ err: error, path: url.pathname }, "request failed");
      if (!res.headersSent) sendJson(res, 500, { error: "INTERNAL_SERVER_ERROR", message: "Internal server error" });
      else res.end();
    }
  });

  return {
    server,
    apollo,
    listen(port, host = "127.0.0.1") {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(`http://${host}:${typeof address === "object" && address ? address.port : port}`);
        });
      });
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await apollo.stop();
    },
  };
}

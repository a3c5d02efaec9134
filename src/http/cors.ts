// Cross-origin access for pages served elsewhere (a single-page app on its own origin). Only
// configured origins get CORS headers; the answer always varies by Origin so no cache hands one
// origin's answer to another. Requests authenticate with a bearer token, so credentials are
// allowed (the origin is echoed, never `*`), and preflight admits exactly the headers the gateway
// reads. CSRF protection stays Apollo's: a request a browser sends without preflight (a form, an
// <img>) is refused by /graphql before it runs, whatever its origin.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { CorsSettings } from "../config/config.ts";
import { sendJson } from "./sendJson.ts";

const ALLOWED_METHODS = "GET, POST";
/** What a browser client may send: the token, JSON, the gateway's own headers, Apollo's CSRF ones. */
const ALLOWED_HEADERS = [
  "authorization",
  "content-type",
  "x-graph-sync",
  "x-request-id",
  "apollo-require-preflight",
  "x-apollo-operation-name",
  "graphql-client-name",
  "graphql-client-version",
].join(", ");
/** What a browser script may read of a response besides the safelisted headers. */
export const EXPOSED_HEADERS = "x-request-id";
const PREFLIGHT_MAX_AGE_SECONDS = "600";

export interface Cors {
  /** Answers a preflight (OPTIONS with Access-Control-Request-Method); false for any other request. */
  answerPreflight(req: IncomingMessage, res: ServerResponse): boolean;
  /** Adds the CORS headers an allowed origin's actual request needs, on every answer (errors too). */
  decorate(req: IncomingMessage, res: ServerResponse): void;
}

export function createCors(settings: CorsSettings | null): Cors {
  const allows = originMatcher(settings?.allowedOrigins ?? []);
  const originOf = (req: IncomingMessage) => (typeof req.headers.origin === "string" ? req.headers.origin : undefined);
  return {
    answerPreflight(req, res) {
      if (req.method !== "OPTIONS" || !req.headers["access-control-request-method"]) return false;
      const origin = originOf(req);
      res.setHeader("vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
      if (!origin || !allows(origin)) {
        sendJson(res, 403, { error: "FORBIDDEN", field: "origin", message: `Origin ${origin ?? "(none)"} may not call this gateway: add it to CORS_ORIGINS` });
        return true;
      }
      res.writeHead(204, {
        "access-control-allow-origin": origin,
        "access-control-allow-credentials": "true",
        "access-control-allow-methods": ALLOWED_METHODS,
        "access-control-allow-headers": ALLOWED_HEADERS,
        "access-control-max-age": PREFLIGHT_MAX_AGE_SECONDS,
      });
      res.end();
      return true;
    },
    decorate(req, res) {
      res.setHeader("vary", "Origin");
      const origin = originOf(req);
      if (!origin || !allows(origin)) return;
      res.setHeader("access-control-allow-origin", origin);
      res.setHeader("access-control-allow-credentials", "true");
      res.setHeader("access-control-expose-headers", EXPOSED_HEADERS);
    },
  };
}

/** Exact origins compare case-insensitively; `scheme://host:*` admits the host on any port or none. */
export function originMatcher(allowed: readonly string[]): (origin: string) => boolean {
  const exact = new Set(allowed.filter((o) => !o.endsWith(":*")).map((o) => o.toLowerCase()));
  const anyPort = allowed.filter((o) => o.endsWith(":*")).map((o) => o.slice(0, -2).toLowerCase());
  return (origin) => {
    const o = origin.toLowerCase();
    return exact.has(o) || anyPort.some((host) => o === host || (o.startsWith(`${host}:`) && /^\d{1,5}$/.test(o.slice(host.length + 1))));
  };
}

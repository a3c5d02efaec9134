// Bridges Node's http request to Apollo's transport-neutral executeHTTPGraphQLRequest: Apollo
// does the GraphQL-over-HTTP rules (methods, content types, status codes); this only moves bytes.
import type { IncomingMessage, ServerResponse } from "node:http";
import { type ApolloServer, type BaseContext, HeaderMap } from "@apollo/server";
import { BodyTooLarge, readBody } from "./readBody.ts";
import { sendJson } from "./sendJson.ts";
import { rejectDeepNesting } from "./rejectDeepNesting.ts";

const MAX_BODY_BYTES = 1_000_000;

export function graphqlHandler<Context extends BaseContext>(apollo: ApolloServer<Context>) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL, context: () => Promise<Context>): Promise<void> => {
    let raw: string;
    try {
      raw = await readBody(req, MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        return sendJson(res, 413, { errors: [{ message: `Request body exceeds ${MAX_BODY_BYTES} bytes`, extensions: { code: "BAD_REQUEST" } }] });
      }
      throw error;
    }
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    let body: unknown = raw;
    if (raw && headers.get("content-type")?.includes("application/json")) {
      try {
        body = JSON.parse(raw);
      } catch {
        return sendJson(res, 400, { errors: [{ message: "Request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }] });
      }
    }
    rejectDeepNesting(body, url.searchParams);
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body },
      context,
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}

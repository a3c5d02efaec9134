// Bridges Node's http request to Apollo's transport-neutral executeHTTPGraphQLRequest: Apollo
// does the GraphQL-over-HTTP rules (methods, content types, status codes); this only moves bytes.
import type { IncomingMessage, ServerResponse } from "node:http";
import { type ApolloServer, type BaseContext, HeaderMap } from "@apollo/server";
import type { Admission, OperationParams } from "../graphql/trustedDocuments/admitOperation.ts";
import { BodyTooLarge, readBody } from "./readBody.ts";
import { sendJson } from "./sendJson.ts";
import { rejectDeepNesting } from "./rejectDeepNesting.ts";
import { inSpan } from "../observability/tracing.ts";

/** The most a client may send at once: a POST body, or one WebSocket message (subscriptionServer.ts). */
export const MAX_BODY_BYTES = 1_000_000;

/** GET carries the operation in the query string; extensions and variables as JSON text there. */
function admitSearch(url: URL, admit: (params: OperationParams) => Admission): Admission & { search?: string } {
  const search = url.searchParams;
  let extensions: unknown;
  try {
    extensions = search.has("extensions") ? JSON.parse(search.get("extensions")!) : undefined;
  } catch {
    extensions = undefined;
  }
  const admission = admit({ query: search.get("query") ?? undefined, documentId: search.get("documentId") ?? undefined, extensions });
  if (!admission.admitted || admission.params.query === search.get("query")) return admission;
  const rewritten = new URLSearchParams(search);
  rewritten.delete("documentId");
  rewritten.set("query", String(admission.params.query));
  if (admission.params.extensions) rewritten.set("extensions", JSON.stringify(admission.params.extensions));
  else rewritten.delete("extensions");
  return { ...admission, search: `?${rewritten}` };
}

const refuse = (res: ServerResponse, { code, message }: { code: string; message: string }) =>
  sendJson(res, 400, { errors: [{ message, extensions: { code } }] });

export function graphqlHandler<Context extends BaseContext>(apollo: ApolloServer<Context>, admit: (params: OperationParams) => Admission) {
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
    let search = url.search;
    if (body && typeof body === "object" && !Array.isArray(body)) {
      const admission = admit(body as OperationParams);
      if (!admission.admitted) return refuse(res, admission);
      body = admission.params;
    } else if (req.method === "GET") {
      const admission = admitSearch(url, admit);
      if (!admission.admitted) return refuse(res, admission);
      search = admission.search ?? search;
    }
    // The span is active through parsing, validation and execution, so the statements the resolvers
    // send are its children; graphqlSpanPlugin names it after the operation.
    const response = await inSpan("graphql", {}, () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? "GET", headers, search, body },
        context,
      }),
    );
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

// The nesting bound (src/domain/nesting.ts) applied where a GraphQL request enters, before Apollo
// or any plugin walks it: JSON in a POST body or in GET's variables/extensions parameters, and the
// query text in either. Throws for the request boundary to answer with 400.
import { badInput, ErrorCode, GatewayError } from "../errors/codes.ts";
import { jsonNestsDeeper, MAX_NESTING, sourceNestsDeeper } from "../domain/nesting.ts";

export function rejectDeepNesting(body: unknown, search: URLSearchParams): void {
  const fields: Record<string, unknown> =
    body !== null && typeof body === "object" && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : { body, variables: jsonParam(search.get("variables")), extensions: jsonParam(search.get("extensions")), query: search.get("query") };
  for (const [field, value] of Object.entries(fields)) {
    if (jsonNestsDeeper(value)) throw badInput(field, `nests deeper than ${MAX_NESTING} levels`);
  }
  const query = fields.query;
  if (typeof query === "string" && sourceNestsDeeper(query)) {
    throw new GatewayError(ErrorCode.QueryTooComplex, `The query nests brackets deeper than ${MAX_NESTING} levels`, { field: "query" });
  }
}

/** Apollo parses and validates these parameters itself; text that is not JSON is its to refuse. */
function jsonParam(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

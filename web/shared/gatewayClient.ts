// How the browser pages talk to the gateway: POST /graphql with the bearer token, if any.
// A token pasted into a page (the explorer's token field, the playground's headers editor) is kept
// for the browser tab's session, so each page works with any organization's token; without one, in
// development the gateway hands out a token for the demo organization at /dev/token, so the pages
// work with no setup.
//
// Documents are the client preset's typed documents (web/generated/): the result and variable
// types come from the document, and the request sends the document's id from the trusted-documents
// manifest, not its text, so the pages also work where only trusted documents run
// (TRUSTED_DOCUMENTS=only). Where the gateway ignores the manifest, the text is sent instead.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";

const TOKEN_KEY = "mobius.token";

/** The token pasted in this tab's session, else the development token (null where there is none). */
export async function bearerToken(): Promise<string | null> {
  const pasted = pastedToken();
  if (pasted) return pasted;
  const res = await fetch("/dev/token");
  if (!res.ok) return null;
  const { token } = (await res.json()) as { token: string | null };
  return token;
}

export const pastedToken = (): string | null => sessionStorage.getItem(TOKEN_KEY);

/** Keeps a pasted token for this tab's session ("Bearer " and whitespace trimmed); null forgets it. */
export function rememberToken(token: string | null): void {
  const bare = token?.trim().replace(/^Bearer\s+/i, "") ?? "";
  if (bare) sessionStorage.setItem(TOKEN_KEY, bare);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** The organization and role a token names, read from its payload (not verified: the gateway does that). */
export function tokenClaims(jwt: string | null): { org: string | null; role: string | null } {
  try {
    const claims = JSON.parse(atob(jwt!.split(".")[1]!.replace(/-/g, "+").replace(/_/g, "/"))) as { org?: unknown; role?: unknown };
    return { org: typeof claims.org === "string" ? claims.org : null, role: typeof claims.role === "string" ? claims.role : null };
  } catch {
    return { org: null, role: null };
  }
}

interface GraphQLReply<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** The id the client preset embedded in the document (persistedDocuments). */
const documentIdOf = (document: object) =>
  (document as unknown as { __meta__?: { hash?: string } }).__meta__?.hash;

export async function graphql<Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables?: Variables): Promise<Result> {
  const token = await bearerToken();
  const send = async (operation: { documentId: string } | { query: string }) => {
    const res = await fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ ...operation, variables: variables ?? {} }),
    });
    return { res, body: (await res.json()) as GraphQLReply<Result> };
  };
  const documentId = documentIdOf(document);
  let { res, body } = documentId ? await send({ documentId }) : await send({ query: print(document) });
  if (body.errors?.[0]?.extensions?.code === "PERSISTED_QUERY_NOT_SUPPORTED") ({ res, body } = await send({ query: print(document) }));
  if (!body.data) throw new Error(body.errors?.map((e) => `${e.extensions?.code ?? "ERROR"}: ${e.message}`).join("; ") ?? res.statusText);
  return body.data;
}

// How the browser pages talk to the gateway: POST /graphql with the bearer token, if any.
// In development the gateway hands out a token for the demo organization at /dev/token, so the
// pages work with no setup; elsewhere the token comes from the page's token field.
//
// Documents are the client preset's typed documents (web/generated/): the result and variable
// types come from the document, and the request sends the document's id from the trusted-documents
// manifest, not its text, so the pages also work where only trusted documents run
// (TRUSTED_DOCUMENTS=only). Where the gateway ignores the manifest, the text is sent instead.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";

const TOKEN_KEY = "mobius.token";

export async function bearerToken(): Promise<string | null> {
  const saved = localStorage.getItem(TOKEN_KEY);
  if (saved) return saved;
  const res = await fetch("/dev/token");
  if (!res.ok) return null;
  const { token } = (await res.json()) as { token: string | null };
  return token;
}

export function rememberToken(token: string): void {
  localStorage.setItem(TOKEN_KEY, token);
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

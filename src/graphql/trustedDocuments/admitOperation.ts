// Which operations the gateway runs, by TRUSTED_DOCUMENTS (docs/frontends.md#trusted-documents):
//   only           a known document, by its id or by its text; anything else OPERATION_NOT_TRUSTED
//   allow-unknown  known documents by id, any text (the default outside production)
//   ignore         no manifest: a document id is PERSISTED_QUERY_NOT_SUPPORTED
// A document id comes as `documentId` (the GraphQL-over-HTTP persisted documents convention the
// client preset follows) or as Apollo's `extensions.persistedQuery.sha256Hash`; an unknown one is
// PERSISTED_QUERY_NOT_FOUND. It runs before Apollo, on the request's parameters, so Apollo's own
// automatic persisted queries never see an id and cannot register documents behind the manifest.
import type { TrustedDocumentsMode } from "../../config/config.ts";
import { ErrorCode } from "../../errors/codes.ts";
import { documentIdOf, type TrustedDocumentsManifest } from "./trustedDocumentsManifest.ts";

export interface OperationParams {
  query?: unknown;
  documentId?: unknown;
  extensions?: unknown;
  [other: string]: unknown;
}

export type Admission =
  | { readonly admitted: true; readonly params: OperationParams }
  | { readonly admitted: false; readonly code: string; readonly message: string };

/** Texts already judged under "only", bounded so a flood of distinct texts cannot grow it. */
const JUDGED_TEXTS_LIMIT = 1_000;

export function operationAdmission(mode: TrustedDocumentsMode, manifest: TrustedDocumentsManifest) {
  const judged = new Map<string, boolean>();
  const isKnownText = (text: string) => {
    let known = judged.get(text);
    if (known === undefined) {
      try {
        known = manifest.has(documentIdOf(text));
      } catch {
        known = false;
      }
      if (judged.size >= JUDGED_TEXTS_LIMIT) judged.clear();
      judged.set(text, known);
    }
    return known;
  };

  return function admit(params: OperationParams): Admission {
    const id = documentIdIn(params);
    if (mode === "ignore") {
      return id === undefined
        ? { admitted: true, params }
        : { admitted: false, code: "PERSISTED_QUERY_NOT_SUPPORTED", message: "This gateway ignores trusted documents (TRUSTED_DOCUMENTS=ignore): send the operation's text as query" };
    }
    if (id !== undefined) {
      const text = manifest.get(id);
      if (text === undefined) return { admitted: false, code: "PERSISTED_QUERY_NOT_FOUND", message: `No trusted document has the id ${id.slice(0, 80)}` };
      const { documentId: _id, extensions, ...rest } = params;
      return { admitted: true, params: { ...rest, query: text, ...withoutPersistedQuery(extensions) } };
    }
    if (mode === "allow-unknown" || (typeof params.query === "string" && isKnownText(params.query))) return { admitted: true, params };
    return {
      admitted: false,
      code: ErrorCode.OperationNotTrusted,
      message: "Only trusted documents run here (TRUSTED_DOCUMENTS=only): send a document id from the manifest, or add the operation to it at build time",
    };
  };
}

function documentIdIn({ documentId, extensions }: OperationParams): string | undefined {
  if (typeof documentId === "string") return documentId;
  const hash = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery?.sha256Hash;
  if (typeof hash === "string") return hash.startsWith("sha256:") ? hash : `sha256:${hash}`;
  return undefined;
}

function withoutPersistedQuery(extensions: unknown): { extensions?: Record<string, unknown> } {
  if (!extensions || typeof extensions !== "object") return {};
  const { persistedQuery: _pq, ...rest } = extensions as Record<string, unknown>;
  return Object.keys(rest).length ? { extensions: rest } : {};
}

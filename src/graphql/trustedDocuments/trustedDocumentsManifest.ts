// The trusted-documents manifest the client preset writes at build time (codegen.ts): document id
// ("sha256:" + hex of the normalised document) → document. Built by `npm run generate` (and so by
// install before start and test) from the pages' and the CLI's documents.
import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { parse } from "graphql";
import { printExecutableGraphQLDocument } from "@graphql-tools/documents";
import { projectRoot } from "../../stack/paths.ts";

export const TRUSTED_DOCUMENTS_FILE = path.join(projectRoot, "web", "generated", "persisted-documents.json");

export type TrustedDocumentsManifest = ReadonlyMap<string, string>;

/** Null when the file is missing: the caller decides whether that may start. */
export function readTrustedDocuments(file = TRUSTED_DOCUMENTS_FILE): TrustedDocumentsManifest | null {
  if (!fs.existsSync(file)) return null;
  return new Map(Object.entries(JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>));
}

/**
 * The id the client preset gives a document: the same normalisation (printExecutableGraphQLDocument
 * sorts selections and drops formatting), so a client sending a known operation's text in its own
 * layout is still recognised. Throws on text that does not parse.
 */
export function documentIdOf(text: string): string {
  return `sha256:${createHash("sha256").update(printExecutableGraphQLDocument(parse(text))).digest("hex")}`;
}

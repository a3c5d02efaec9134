import type { GatewayDeps } from "../gateway/gatewayDeps.ts";
import { operationAdmission } from "../graphql/trustedDocuments/admitOperation.ts";
import { readTrustedDocuments, TRUSTED_DOCUMENTS_FILE } from "../graphql/trustedDocuments/trustedDocumentsManifest.ts";

/**
 * The admission rule of this gateway's TRUSTED_DOCUMENTS mode. "only" without a manifest would refuse
 * every operation, so it stops start-up instead; "allow-unknown" without one runs any text.
 */
export function admitOperations(deps: Pick<GatewayDeps, "config" | "logger">) {
  const mode = deps.config.trustedDocuments;
  const manifest = mode === "ignore" ? new Map<string, string>() : readTrustedDocuments();
  if (manifest === null && mode === "only") {
    throw new Error(`TRUSTED_DOCUMENTS=only needs the manifest ${TRUSTED_DOCUMENTS_FILE}: build it with npm run generate`);
  }
  if (manifest === null) deps.logger.warn({ file: TRUSTED_DOCUMENTS_FILE }, "no trusted-documents manifest: document ids are unknown until npm run generate builds it");
  return operationAdmission(mode, manifest ?? new Map());
}

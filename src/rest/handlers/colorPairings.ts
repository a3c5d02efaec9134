import { atLeastOne, boundedLimit, validHex } from "../../domain/relationshipArgs.ts";
import { colorPairingsOf } from "../../relationships/relationshipReads.ts";
import { intParam } from "../intParam.ts";
import type { RestRoute } from "../RestRoute.ts";

/** GET /v1/colors/{hex}/pairings?min_samples=5&limit=10; counts of every organization, `paired_name` the caller's own. */
export const colorPairings: RestRoute = {
  pattern: /^\/v1\/colors\/([^/]+)\/pairings$/,
  async handle({ params: [rawHex = ""], query, reads }) {
    const hex = validHex("hex", rawHex);
    const minSamples = atLeastOne("min_samples", intParam(query, "min_samples", 5));
    const limit = boundedLimit("limit", intParam(query, "limit", 10));
    const pairings = await colorPairingsOf(reads, hex, { minSamples, limit });
    return {
      color: hex,
      pairings: pairings.map((p) => ({
        paired_hex: p.pairedHex,
        paired_name: p.pairedName,
        pairing_count: p.pairingCount,
        avg_compliance_score: p.avgComplianceScore,
      })),
      pairing_count: pairings.length,
    };
  },
};

// The token verifier a gateway process runs with: the configured key, or outside production a
// development secret kept under .data/, with a development token for the demo organization.
import type { Logger } from "pino";
import type { Config } from "../config/config.ts";
import type { PrismaClient } from "../postgres/createPrisma.ts";
import { organizationStore } from "../stores/organizationStore.ts";
import { readOrCreateDevSecret } from "./devSecret.ts";
import { mintToken } from "./mintToken.ts";
import { createTokenVerifier, type TokenVerifier } from "./tokenVerifier.ts";

export interface StartupAuth {
  readonly verifyToken: TokenVerifier;
  readonly devToken: (() => Promise<string | null>) | null;
}

export function startupAuth(config: Config, logger: Logger, prisma: PrismaClient): StartupAuth {
  if (config.auth.key) {
    return { verifyToken: createTokenVerifier({ ...config.auth, key: config.auth.key }), devToken: null };
  }
  const secret = readOrCreateDevSecret();
  logger.info(
    "development auth: requests need a bearer token signed with .data/dev-jwt-secret; mint one with " +
      "`npm run token -- --org <organizationId> --role viewer|editor|admin`, or a platform operator's " +
        "(backfill, reconcile, syncStatus, organizations) with `npm run token -- --platform-operator`",
  );
  return {
    verifyToken: createTokenVerifier({ ...config.auth, key: { kind: "secret", secret } }),
    async devToken() {
      const first = await organizationStore.firstId(prisma);
      return first ? mintToken(secret, { organizationId: first, role: "admin", subject: "playground" }) : null;
    },
  };
}

// The token verifier a gateway process runs with: the configured key, or outside production a
// development secret kept under .data/ (printed instructions tell how to mint tokens for it).
import type { Logger } from "pino";
import type { Config } from "../config/config.ts";
import { readOrCreateDevSecret } from "./devSecret.ts";
import { createTokenVerifier, type TokenVerifier } from "./tokenVerifier.ts";

export function startupAuth(config: Config, logger: Logger): TokenVerifier {
  if (config.auth.key) return createTokenVerifier({ ...config.auth, key: config.auth.key });
  const secret = readOrCreateDevSecret();
  logger.info(
    "development auth: requests need a bearer token signed with .data/dev-jwt-secret; mint one with " +
      "`npm run token -- --org <organizationId> --role viewer|editor|admin`",
  );
  return createTokenVerifier({ ...config.auth, key: { kind: "secret", secret } });
}

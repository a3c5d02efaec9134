// Bearer tokens are JWTs verified with jose: an HS256 secret, a PEM public key (RS256/ES256…) or a
// remote JWKS. They carry the caller's organization (`org`) and role (`role`), or the platform
// operator's role and no organization.
import { createPublicKey, createSecretKey, type KeyObject } from "node:crypto";
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from "jose";
import type { AuthKey, AuthSettings } from "../config/config.ts";
import { PLATFORM_OPERATOR_ROLE, ROLES, type Credential, type Role } from "./access.ts";

export class InvalidToken extends Error {
  override name = "InvalidToken";
}

export type TokenVerifier = (token: string) => Promise<Credential>;

const ASYMMETRIC_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "ES256", "ES384", "EdDSA"];

export function createTokenVerifier(settings: AuthSettings & { key: AuthKey }): TokenVerifier {
  const { key, algorithms } = resolveKey(settings.key);
  return async (token) => {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, key as KeyObject & JWTVerifyGetKey, {
        algorithms,
        issuer: settings.issuer,
        audience: settings.audience,
      }));
    } catch (error) {
      throw new InvalidToken(`invalid bearer token (${(error as { code?: string }).code ?? "unverifiable"})`);
    }
    const { sub, org, role } = payload as { sub?: unknown; org?: unknown; role?: unknown };
    const subject = typeof sub === "string" ? sub : "anonymous";
    // The operator's role is no organization's: a token naming both is malformed, not an operator.
    if (role === PLATFORM_OPERATOR_ROLE) {
      if (org !== undefined) throw new InvalidToken(`a \`${PLATFORM_OPERATOR_ROLE}\` token carries no \`org\` claim`);
      return { subject, platformOperator: true };
    }
    if (typeof org !== "string" || org.length === 0) throw new InvalidToken("the token has no `org` claim");
    if (!ROLES.includes(role as Role)) {
      throw new InvalidToken(`the token's \`role\` must be one of ${ROLES.join(", ")} (or ${PLATFORM_OPERATOR_ROLE}, without \`org\`)`);
    }
    return { subject, organizationId: org, role: role as Role };
  };
}

function resolveKey(key: AuthKey): { key: KeyObject | JWTVerifyGetKey; algorithms: string[] } {
  switch (key.kind) {
    case "secret":
      return { key: createSecretKey(Buffer.from(key.secret, "utf8")), algorithms: ["HS256"] };
    case "publicKey": {
      const publicKey = createPublicKey(key.pem);
      return { key: publicKey, algorithms: [algorithmOf(publicKey)] };
    }
    case "jwks":
      return { key: createRemoteJWKSet(new URL(key.url)), algorithms: ASYMMETRIC_ALGORITHMS };
  }
}

/** A PEM does not name its algorithm; the key type decides between RSA, EC and Ed25519. */
function algorithmOf(key: KeyObject): string {
  const type = key.asymmetricKeyType;
  return type === "ec" ? "ES256" : type === "ed25519" ? "EdDSA" : "RS256";
}

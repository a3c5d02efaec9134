import { SignJWT } from "jose";
import { PLATFORM_OPERATOR_ROLE, type Role } from "./access.ts";

/** Claims of an organization member's token, or of the platform operator's (no organization). */
export type TokenClaims =
  | { readonly organizationId: string; readonly role: Role; readonly subject?: string }
  | { readonly platformOperator: true; readonly subject?: string };

/** An HS256 token for development and tests; production tokens come from the identity provider. */
export function mintToken(secret: string, claims: TokenClaims, expiresIn = "12h"): Promise<string> {
  const payload = "platformOperator" in claims ? { role: PLATFORM_OPERATOR_ROLE } : { org: claims.organizationId, role: claims.role };
  return new SignJWT(payload)
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.subject ?? "developer")
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(Buffer.from(secret, "utf8"));
}

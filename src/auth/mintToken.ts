import { SignJWT } from "jose";
import type { Role } from "./access.ts";

/** An HS256 token for development and tests; production tokens come from the identity provider. */
export function mintToken(
  secret: string,
  claims: { organizationId: string; role: Role; subject?: string },
  expiresIn = "12h",
): Promise<string> {
  return new SignJWT({ org: claims.organizationId, role: claims.role })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.subject ?? "developer")
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(Buffer.from(secret, "utf8"));
}

// Signed upload URLs: the GraphQL way to send an asset's image. A frontend asks
// Mutation.createImageUpload for a short-lived URL bound to one asset and to the caller's
// organization and role, then PUTs the raw bytes there without a bearer token. Apollo's guidance
// is to keep uploads out of the GraphQL request (multipart bodies are "simple" requests a browser
// sends cross-site without a preflight, which is why Apollo Server's CSRF prevention blocks them),
// so /graphql stays JSON-only with CSRF prevention on, and the URL itself is the credential: an
// HMAC-SHA256 over everything it grants, checked in constant time, valid until it expires.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { Access, ROLES, type Role } from "./access.ts";
import { InvalidToken } from "./tokenVerifier.ts";

/** What a signed URL lets its holder do: upload this asset's image as this caller, until then. */
export interface UploadGrant {
  readonly assetId: string;
  readonly access: Access;
  /** Epoch seconds. */
  readonly expiresAt: number;
}

export interface ImageUploadSigner {
  /** The URL's path and query, relative to the gateway's origin. */
  sign(grant: UploadGrant): string;
  /** The caller a signed URL stands for; InvalidToken when it is forged, altered or expired. */
  verify(assetId: string, query: URLSearchParams, nowSeconds?: number): Access;
}

// Authentication off: the grant is unrestricted, written as "*" (no organization id is "*").
const ANY = "*";

export const assetImagePath = (assetId: string) => `/v1/assets/${encodeURIComponent(assetId)}/image`;

/** `secret` unset: a random key of this process, so its URLs only work on this process. */
export function createImageUploadSigner(secret: string | undefined): ImageUploadSigner {
  const key = secret ? Buffer.from(secret, "utf8") : randomBytes(32);
  const mac = (fields: readonly string[]) => createHmac("sha256", key).update(["image-upload/1", ...fields].join("\n")).digest();
  return {
    sign({ assetId, access, expiresAt }) {
      const principal = access.principal;
      const org = principal?.organizationId ?? ANY;
      const role = principal?.role ?? ANY;
      const sub = principal?.subject ?? ANY;
      const expires = String(expiresAt);
      const signature = mac([assetId, org, role, sub, expires]).toString("base64url");
      return `${assetImagePath(assetId)}?${new URLSearchParams({ org, role, sub, expires, signature })}`;
    },
    verify(assetId, query, nowSeconds = Math.floor(Date.now() / 1000)) {
      const [org, role, sub, expires, signature] = ["org", "role", "sub", "expires", "signature"].map((k) => query.get(k) ?? "");
      const expected = mac([assetId, org!, role!, sub!, expires!]);
      const given = Buffer.from(signature!, "base64url");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new InvalidToken("the upload URL's signature does not match; ask createImageUpload for a new one");
      }
      if (!(Number(expires) > nowSeconds)) throw new InvalidToken("the upload URL has expired; ask createImageUpload for a new one");
      if (org === ANY) return Access.unrestricted();
      if (!ROLES.includes(role as Role)) throw new InvalidToken("the upload URL names no valid role");
      return Access.of({ organizationId: org!, role: role as Role, subject: sub! });
    },
  };
}

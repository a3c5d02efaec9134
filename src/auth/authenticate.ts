import type { IncomingHttpHeaders } from "node:http";
import { Access } from "./access.ts";
import { InvalidToken, type TokenVerifier } from "./tokenVerifier.ts";

/**
 * The caller's access for one request. With no verifier (authentication off) everyone is
 * unrestricted; with one, a missing or invalid bearer token is an InvalidToken.
 */
export async function authenticate(headers: IncomingHttpHeaders, verify: TokenVerifier | null): Promise<Access> {
  if (!verify) return Access.unrestricted();
  const header = headers.authorization;
  if (!header) throw new InvalidToken("a bearer token is required (Authorization: Bearer <token>)");
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new InvalidToken("the Authorization header must be `Bearer <token>`");
  return Access.of(await verify(match[1]!));
}

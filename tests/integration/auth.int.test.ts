// Bearer tokens: who may call at all. (Tenancy — what each caller may see — is tested per domain.)
import { generateKeyPairSync } from "node:crypto";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintToken } from "../../src/auth/mintToken.ts";
import { createTokenVerifier } from "../../src/auth/tokenVerifier.ts";
import { createTestDeps, startTestGateway, type TestGateway } from "../support/testDeps.ts";

const SECRET = "auth-test-secret-with-at-least-32-chars";
const HEALTH = "{ health { postgres } }";

describe("authentication with an HS256 secret", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    const verifyToken = createTokenVerifier({ key: { kind: "secret", secret: SECRET }, issuer: undefined, audience: undefined });
    gateway = await startTestGateway(createTestDeps({ verifyToken }));
  });
  afterAll(() => gateway.close());

  const post = (headers: Record<string, string>) =>
    fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query: HEALTH }),
    });

  it("answers a request with a valid token", async () => {
    const token = await mintToken(SECRET, { organizationId: "org-a", role: "viewer" });
    const res = await post({ authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { health: { postgres: true } } });
  });

  it.each([
    ["no token", {}],
    ["a malformed header", { authorization: "Token abc" }],
    ["a token signed with another secret", { authorization: "Bearer SIGNED_ELSEWHERE" }],
    ["an expired token", { authorization: "Bearer EXPIRED" }],
    ["a token without an organization", { authorization: "Bearer NO_ORG" }],
    ["a token with an unknown role", { authorization: "Bearer BAD_ROLE" }],
  ])("rejects %s with 401 UNAUTHENTICATED", async (_name, headers: Record<string, string>) => {
    const tokens: Record<string, Promise<string>> = {
      SIGNED_ELSEWHERE: mintToken("another-secret-with-at-least-32-chars!!", { organizationId: "org-a", role: "admin" }),
      EXPIRED: new SignJWT({ org: "org-a", role: "admin" }).setProtectedHeader({ alg: "HS256" }).setExpirationTime(Math.floor(Date.now() / 1000) - 60).sign(Buffer.from(SECRET)),
      NO_ORG: new SignJWT({ role: "admin" }).setProtectedHeader({ alg: "HS256" }).sign(Buffer.from(SECRET)),
      BAD_ROLE: new SignJWT({ org: "org-a", role: "owner" }).setProtectedHeader({ alg: "HS256" }).sign(Buffer.from(SECRET)),
    };
    const name = headers.authorization?.replace("Bearer ", "") ?? "";
    const resolved = name in tokens ? { authorization: `Bearer ${await tokens[name]}` } : headers;
    const res = await post(resolved);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const body = await res.json();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toEqual({ code: "UNAUTHENTICATED" });
  });

  it("rejects an alg=none token", async () => {
    const unsigned = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from('{"org":"org-a","role":"admin"}').toString("base64url")}.`;
    expect((await post({ authorization: `Bearer ${unsigned}` })).status).toBe(401);
  });

  it("refuses a platform operator token that also names an organization: 401", async () => {
    const both = await new SignJWT({ org: "org-a", role: "platform_operator" }).setProtectedHeader({ alg: "HS256" }).setExpirationTime("1h").sign(Buffer.from(SECRET));
    const res = await post({ authorization: `Bearer ${both}` });
    expect(res.status).toBe(401);
    expect(JSON.stringify(await res.json())).toContain("carries no `org` claim");
  });

  it.each(["/favicon.ico", "/nowhere", "/v2/brands"])("answers %s with 404 without asking for a token", async (path) => {
    const res = await fetch(`${gateway.url}${path}`);
    expect({ status: res.status, body: await res.json() }).toEqual({ status: 404, body: { error: "NOT_FOUND", message: `No route for GET ${path}` } });
  });

  it("keeps liveness and readiness open for load balancers", async () => {
    expect((await fetch(`${gateway.url}/health`)).status).toBe(200);
    expect((await fetch(`${gateway.url}/ready`)).status).toBe(200);
  });
});

describe("authentication with a public key", () => {
  it("verifies an RS256 token from the identity provider and rejects an HS256 one", async () => {
    const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pem = publicKey.export({ type: "spki", format: "pem" }).toString();
    const verify = createTokenVerifier({ key: { kind: "publicKey", pem }, issuer: "https://idp.example", audience: "mobius" });
    const good = await new SignJWT({ org: "org-b", role: "editor" })
      .setProtectedHeader({ alg: "RS256" })
      .setIssuer("https://idp.example")
      .setAudience("mobius")
      .setSubject("user-7")
      .sign(privateKey);
    expect(await verify(good)).toEqual({ subject: "user-7", organizationId: "org-b", role: "editor" });
    const wrongAudience = await new SignJWT({ org: "org-b", role: "editor" })
      .setProtectedHeader({ alg: "RS256" })
      .setIssuer("https://idp.example")
      .setAudience("someone-else")
      .sign(privateKey);
    await expect(verify(wrongAudience)).rejects.toThrow(/invalid bearer token/);
    await expect(verify(await mintToken(pem, { organizationId: "org-b", role: "admin" }))).rejects.toThrow(/invalid bearer token/);
  });
});

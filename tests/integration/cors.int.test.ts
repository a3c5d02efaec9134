// CORS as a browser sees it, over HTTP: preflight for allowed and other origins, the headers of an
// actual answer, and Apollo's CSRF prevention still refusing requests sent without preflight.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps, startTestGateway, type TestGateway } from "../support/testDeps.ts";

const ALLOWED = "https://app.example.com";

describe("cross-origin access", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(createTestDeps({ config: { cors: { allowedOrigins: [ALLOWED, "http://localhost:*"] } } }));
  });
  afterAll(async () => gateway?.close());

  const preflight = (origin: string, requestHeaders = "authorization, content-type") =>
    fetch(`${gateway.url}/graphql`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": requestHeaders },
    });

  it("answers an allowed origin's preflight with its origin, credentials and the headers it may send", async () => {
    const res = await preflight(ALLOWED, "authorization, content-type, x-graph-sync");
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(res.headers.get("access-control-allow-credentials")).toBe("true");
    expect(res.headers.get("access-control-allow-methods")).toBe("GET, POST");
    for (const header of ["authorization", "content-type", "x-graph-sync"]) expect(res.headers.get("access-control-allow-headers")).toContain(header);
    expect(res.headers.get("vary")).toContain("Origin");
    expect(await preflight("http://localhost:5173").then((r) => r.headers.get("access-control-allow-origin"))).toBe("http://localhost:5173");
  });

  it("refuses another origin's preflight with 403 naming the origin, and no CORS headers", async () => {
    const res = await preflight("https://evil.example.com");
    expect(res.status).toBe(403);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(await res.json()).toMatchObject({ error: "FORBIDDEN", field: "origin" });
  });

  it("adds the origin, credentials and exposed headers to an allowed origin's answer only", async () => {
    const ask = (origin: string) =>
      fetch(`${gateway.url}/graphql`, { method: "POST", headers: { origin, "content-type": "application/json" }, body: JSON.stringify({ query: "{ health { postgres } }" }) });
    const allowed = await ask(ALLOWED);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(allowed.headers.get("access-control-allow-credentials")).toBe("true");
    expect(allowed.headers.get("access-control-expose-headers")).toContain("x-request-id");
    const other = await ask("https://evil.example.com");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    expect(other.headers.get("vary")).toContain("Origin");
  });

  it("keeps CSRF prevention on: a request a browser would send without preflight is refused, even from an allowed origin", async () => {
    const simpleGet = await fetch(`${gateway.url}/graphql?query=${encodeURIComponent("{ health { postgres } }")}`, { headers: { origin: ALLOWED } });
    expect(simpleGet.status).toBe(400);
    expect(await simpleGet.text()).toMatch(/CSRF/i);
    const simplePost = await fetch(`${gateway.url}/graphql`, { method: "POST", headers: { origin: ALLOWED, "content-type": "text/plain" }, body: JSON.stringify({ query: "mutation { deleteBrand(id: \"x\") }" }) });
    expect(simplePost.status).toBe(400);
    expect(await simplePost.text()).toMatch(/CSRF/i);
  });

  it("gives no origin CORS headers when none is configured", async () => {
    const closed = await startTestGateway(createTestDeps({ config: { cors: null } }));
    try {
      const res = await fetch(`${closed.url}/graphql`, { method: "OPTIONS", headers: { origin: "http://localhost:5173", "access-control-request-method": "POST" } });
      expect(res.status).toBe(403);
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await closed.close();
    }
  });
});

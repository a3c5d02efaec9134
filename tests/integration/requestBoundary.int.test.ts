// No request can stop the gateway or draw a 500 from it: issue 31's reproductions, sent as raw bytes
// over TCP to the gateway running as its own process, each followed by a request it must still serve.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startIsolatedGatewayProcess, type GatewayProcess } from "../support/isolatedGatewayProcess.ts";

let gateway: GatewayProcess;
beforeAll(async () => {
  gateway = await startIsolatedGatewayProcess("request_boundary");
});
afterAll(async () => {
  expect(await gateway.stop()).toBe(0);
});

const stillServing = async () => {
  expect(gateway.exitCode()).toBeNull();
  const health = await gateway.raw("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  expect(health.status).toBe(200);
  expect(JSON.parse(health.body)).toEqual({ status: "ok" });
};
const json = (body: string) => JSON.parse(body) as Record<string, unknown>;

describe("the request boundary", () => {
  it("answers a request target that is no URL (GET http://[::1/graphql) with 400 naming the url, and keeps serving", async () => {
    const answer = await gateway.raw("GET http://[::1/graphql HTTP/1.1\r\nHost: x\r\n\r\n");
    expect(answer.status).toBe(400);
    expect(json(answer.body)).toEqual({ error: "BAD_USER_INPUT", field: "url", message: "url: the request target is not a valid URL" });
    await stillServing();
  });

  it("logs a rejected request once, with its request id, and never as an internal error", async () => {
    await gateway.raw("GET http://[::1/v1/x HTTP/1.1\r\nHost: x\r\nx-request-id: boundary-log-1\r\nConnection: close\r\n\r\n");
    await expect.poll(() => gateway.output().stdout.split("\n").filter((l) => l.includes("boundary-log-1")).length).toBe(1);
    const line = JSON.parse(gateway.output().stdout.split("\n").find((l) => l.includes("boundary-log-1"))!);
    expect(line).toMatchObject({ event: "request_rejected", code: "BAD_USER_INPUT", status: 400 });
    expect(gateway.output().stdout).not.toMatch(/"msg":"request failed"/);
  });

  for (const path of ["/ui/%", "/ui/%E0%A4%A", "/ui/%00", "/ui/..%2F..%2Fpackage.json"]) {
    it(`answers ${path} (no token) with 404 NOT_FOUND, not a 500`, async () => {
      const answer = await gateway.raw(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(answer.status).toBe(404);
      expect(json(answer.body)).toMatchObject({ error: "NOT_FOUND" });
      await stillServing();
    });
  }

  it("answers what Node's HTTP parser refuses (a garbage request line) with a JSON 400, and keeps serving", async () => {
    const answer = await gateway.raw("\u0001\u0002 nonsense\r\n\r\n");
    expect(answer.status).toBe(400);
    expect(json(answer.body)).toMatchObject({ error: "BAD_USER_INPUT" });
    await stillServing();
  });

  it("answers headers larger than Node accepts with 431, and keeps serving", async () => {
    const answer = await gateway.raw(`GET /health HTTP/1.1\r\nHost: x\r\nx-big: ${"a".repeat(40_000)}\r\n\r\n`);
    expect(answer.status).toBe(431);
    await stillServing();
  });

  it("survives a client that disconnects halfway through a GraphQL body", async () => {
    const token = await gateway.token("viewer");
    await gateway.raw(
      `POST /graphql HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":"{ __typ`,
      300,
    );
    await stillServing();
  });
});

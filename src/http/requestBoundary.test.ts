import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { capturedLogger } from "../../tests/support/capturedLogger.ts";
import { badInput } from "../errors/codes.ts";
import { requestBoundary, type RouteRequest } from "./requestBoundary.ts";

const servers: http.Server[] = [];
afterEach(() => Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r)))));

async function serve(route: RouteRequest) {
  const { logger, lines } = capturedLogger();
  const server = http.createServer(requestBoundary(route, logger, () => "req-1"));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  return { base: `http://127.0.0.1:${port}`, lines };
}

describe("requestBoundary", () => {
  it("turns anything a route throws into one 500 INTERNAL_SERVER_ERROR without its message, logged once", async () => {
    const { base, lines } = await serve(async () => {
      throw new Error("secret detail of a bug");
    });
    const res = await fetch(`${base}/v1/anything`);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: "INTERNAL_SERVER_ERROR", message: "Internal server error" });
    expect(lines().filter((l) => l.msg === "request failed")).toEqual([expect.objectContaining({ requestId: "req-1", path: "/v1/anything" })]);
  });

  it("answers a GatewayError with its code, status and field, in the GraphQL shape on /graphql", async () => {
    const { base } = await serve(async () => {
      throw badInput("variables", "nested too deep");
    });
    const res = await fetch(`${base}/graphql`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errors: [{ message: "variables: nested too deep", extensions: { code: "BAD_USER_INPUT", field: "variables" } }] });
  });

  it("cuts the connection when a route fails after its status went out, and keeps serving", async () => {
    let calls = 0;
    const { base } = await serve(async (_req, res) => {
      if (++calls > 1) return void res.end("ok");
      res.writeHead(200);
      res.write("partial");
      throw new Error("late failure");
    });
    await expect(fetch(`${base}/`).then((r) => r.text())).rejects.toThrow();
    expect(await fetch(`${base}/`).then((r) => r.text())).toBe("ok");
  });
});

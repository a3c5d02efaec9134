// Raw HTTP fuzz against the gateway running as its own process: thousands of random and malformed
// requests over TCP (broken request lines, bad percent-encoding, odd and oversized headers, chunked
// bodies, invalid and deeply nested JSON, hostile GraphQL variables). Whatever arrives: no 5xx, the
// process stays up, and its resident memory after the run stays close to what it was after warm-up.
// The seed is printed; FUZZ_SEED=<seed> replays a run.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anyValue, hostileString } from "../support/hostileInput.ts";
import { startIsolatedGatewayProcess, type GatewayProcess, type RawAnswer } from "../support/isolatedGatewayProcess.ts";

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const WARM_UP = 500;
const CASES = 3_000;
const CONCURRENCY = 8;
/** Resident memory may grow this much between the end of warm-up and the end of the run. */
const RSS_GROWTH_BOUND = 64 * 1024 * 1024;

let gateway: GatewayProcess;
let token: string;
beforeAll(async () => {
  gateway = await startIsolatedGatewayProcess("http_fuzz");
  token = await gateway.token("editor");
  console.log(`http fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
});
afterAll(async () => {
  expect(await gateway.stop()).toBe(0);
});

const ID = "019abcde-0000-7000-8000-000000000001";
const BAD_PERCENT = ["%", "%%", "%E0%A4%A", "%ZZ", "%C0%AF", "%00", "%FF%FE", "%2e%2e%2f", "%u0041", "%D8%00"];

/** A path a client could mean, or one it mangled. */
const path = fc.oneof(
  fc.constantFrom(
    "/graphql",
    "/health",
    "/metrics",
    "/dev/token",
    "/ui/",
    "/explorer",
    `/v1/brands/${ID}/graph`,
    `/v1/brands/${ID}/similar?min_shared_colors=3`,
    "/v1/colors/aa0001/brands",
    "/v1/colors/%23aa0001/pairings?min_samples=-1",
    "/v1/health/graph",
    `/v1/assets/${ID}/image`,
  ),
  fc
    .array(fc.oneof(fc.constantFrom("v1", "ui", "graphql", "brands", "colors", "..", ".", "", ID), fc.constantFrom(...BAD_PERCENT), hostileString), {
      maxLength: 6,
    })
    .map((segments) => "/" + segments.map((s) => s.replace(/[\s\u0000-\u001f]/g, "")).join("/")),
  fc.tuple(fc.constantFrom("/graphql", "/v1/colors/aa0001/pairings", "/ui/"), fc.constantFrom(...BAD_PERCENT), fc.string()).map(
    ([base, bad, rest]) => `${base}?${bad}=${encodeURIComponent(rest)}&min_samples=${bad}`,
  ),
);

/** Values nested n levels deep, as a client building variables recursively would send them. */
const nested = (depth: number, open: string, close: string, inner = "1") => open.repeat(depth) + inner + close.repeat(depth);

const graphqlBody = fc.oneof(
  fc.constantFrom(
    JSON.stringify({ query: "{ __typename }" }),
    JSON.stringify({ query: `query ($n: Int) { brands(first: $n) { edges { node { id assets(first: $n) { edges { node { id } } } } } } }`, variables: { n: 100 } }),
    JSON.stringify({ query: `{ color(hex: "aa0001") { name pairings { color { hex } } } }` }),
    JSON.stringify({ query: "mutation { deleteBrand(id: \"x\") }" }),
  ),
  fc.integer({ min: 1, max: 6_000 }).map((d) => `{"query":"{ __typename }","variables":{"x":${nested(d, "[", "]")}}}`),
  fc.integer({ min: 1, max: 6_000 }).map((d) => `{"query":"{ __typename }","variables":{"x":${nested(d, '{"a":', "}")}}}`),
  fc.integer({ min: 1, max: 3_000 }).map((d) => JSON.stringify({ query: `{ ${nested(d, "brands { edges { node { ", " } } } ", "id")} }` })),
  fc.integer({ min: 1, max: 3_000 }).map((d) => nested(d, "[", "]")),
  fc.record({ query: fc.oneof(hostileString, fc.constant("{ brand(id: $id) { id } }")), variables: anyValue, operationName: anyValue }).map((b) => JSON.stringify(b)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom("", "{", "null", "[]", '{"query":', '{"query":null}', '{"query":"{ __typename }",', "\u0000\u0001"),
);

const header = fc.oneof(
  fc.constantFrom(
    `Authorization: Bearer ${"TOKEN"}`,
    "Authorization: Bearer x.y.z",
    "Authorization: Basic Zm9vOmJhcg==",
    "Authorization: Bearer ",
    "Content-Type: application/json",
    "Content-Type: application/json; charset=utf-16",
    "Content-Type: text/plain",
    "Content-Type: multipart/form-data; boundary=",
    "Content-Type: image/png",
    "Accept: text/html",
    "Accept: application/graphql-response+json",
    "Origin: http://evil.example",
    "X-Request-Id: " + "r".repeat(300),
    "Expect: 100-continue",
    "Connection: keep-alive",
    "Upgrade: websocket",
    "Apollo-Require-Preflight: true",
    "Content-Encoding: gzip",
  ),
  fc.tuple(fc.stringMatching(/^[A-Za-z-]{1,20}$/), fc.string({ maxLength: 60 })).map(([name, value]) => `${name}: ${value.replace(/[\r\n]/g, "")}`),
);

/** One request as bytes: a request line, headers, and a body framed (or misframed) by content-length or chunks. */
const request = fc
  .record({
    method: fc.oneof(fc.constantFrom("GET", "POST", "PUT", "DELETE", "OPTIONS", "HEAD", "PATCH"), fc.stringMatching(/^[A-Z]{1,10}$/)),
    path,
    version: fc.constantFrom("HTTP/1.1", "HTTP/1.1", "HTTP/1.1", "HTTP/1.0", "HTTP/2.0", "HTTP/9.9", ""),
    absolute: fc.constantFrom(null, null, null, null, "http://x", "http://[::1", "https://a:b@host:99999"),
    headers: fc.array(header, { maxLength: 6 }),
    body: fc.oneof(graphqlBody, fc.constant("")),
    framing: fc.constantFrom("length", "length", "length", "short-length", "chunked", "bad-chunked", "none"),
    garbage: fc.oneof({ weight: 19, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.string({ maxLength: 80 }) }),
  })
  .map((r) => {
    if (r.garbage !== null) return Buffer.from(r.garbage + "\r\n\r\n", "utf8");
    const target = (r.absolute ?? "") + r.path;
    const body = Buffer.from(r.body, "utf8");
    const lines = [`${r.method} ${target} ${r.version}`.trimEnd(), "Host: fuzz", ...r.headers.map((h) => h.replace("TOKEN", token)), "Connection: close"];
    let payload: Buffer = body;
    if (r.framing === "length") lines.push(`Content-Length: ${body.length}`);
    if (r.framing === "short-length") lines.push(`Content-Length: ${Math.floor(body.length / 2)}`);
    if (r.framing === "chunked" || r.framing === "bad-chunked") {
      lines.push("Transfer-Encoding: chunked");
      const size = r.framing === "chunked" ? body.length.toString(16) : "zz";
      payload = Buffer.concat([Buffer.from(`${size}\r\n`), body, Buffer.from("\r\n0\r\n\r\n")]);
    }
    return Buffer.concat([Buffer.from(lines.join("\r\n") + "\r\n\r\n", "latin1"), payload]);
  });

/** The child's resident set size in bytes (Linux). */
const rss = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) * 1024;

/** After "100 Continue" (Expect: 100-continue) the real answer follows in the same bytes. */
function finalAnswer(answer: RawAnswer): RawAnswer {
  if (answer.status !== 100) return answer;
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(answer.body);
  return { status: status ? Number(status[1]) : null, headers: answer.body, body: answer.body };
}

/** How many answers had each status ("none": the connection closed or timed out without one). */
const statuses = new Map<string, number>();

async function sendAll(cases: readonly Buffer[], failures: { index: number; answer: RawAnswer; bytes: string }[], offset: number) {
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const index = next++;
      // A request the server is still waiting to complete (misframed body) ends with the client's timeout.
      const answer = finalAnswer(await gateway.raw(cases[index]!, 3_000));
      const status = String(answer.status ?? "none");
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (answer.status !== null && answer.status >= 500) failures.push({ index: offset + index, answer, bytes: cases[index]!.toString("latin1").slice(0, 300) });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

describe("raw HTTP fuzz", () => {
  it(`answers ${CASES} random and malformed requests without a 5xx, stays up, and keeps its memory flat`, { timeout: 120_000 }, async () => {
    const cases = fc.sample(request, { seed: SEED, numRuns: CASES });
    const failures: { index: number; answer: RawAnswer; bytes: string }[] = [];
    await sendAll(cases.slice(0, WARM_UP), failures, 0);
    const warm = rss(gateway.child.pid!);
    await sendAll(cases.slice(WARM_UP), failures, WARM_UP);
    const end = rss(gateway.child.pid!);
    console.log(`http fuzz: ${CASES} cases, seed ${SEED}, RSS after warm-up ${(warm / 2 ** 20).toFixed(1)} MiB, at end ${(end / 2 ** 20).toFixed(1)} MiB`);
    console.log(`http fuzz statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);

    expect(failures.slice(0, 5)).toEqual([]);
    expect(gateway.exitCode()).toBeNull();
    const health = await gateway.raw("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    expect(health.status).toBe(200);
    expect(end - warm).toBeLessThan(RSS_GROWTH_BOUND);
  });
});

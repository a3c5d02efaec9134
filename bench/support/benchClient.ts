// The benchmarks' HTTP client: a GraphQL POST to the gateway's /graphql, or a GET of a REST route, and
// an answer with errors (or a status other than 200) is a failed benchmark, never a fast sample. It runs
// in the gateway's own process (one event loop), so it is node:http on a keep-alive agent rather than
// fetch: fetch's web streams cost ≈ 0.5 ms of CPU per request, which the latency comparison would
// otherwise charge to the gateway.
import http from "node:http";

const agent = new http.Agent({ keepAlive: true });

export async function postGraphql<T = Record<string, unknown>>(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<T> {
  const { body } = await send("POST", `${url}/graphql`, JSON.stringify({ query, variables }), "application/json", headers);
  const answer = JSON.parse(body) as { data?: T; errors?: unknown[] };
  if (answer.errors || !answer.data) throw new Error(`GraphQL request failed: ${JSON.stringify(answer.errors ?? answer).slice(0, 500)}`);
  return answer.data;
}

export async function getJson(url: string, headers: Record<string, string> = {}): Promise<unknown> {
  const { status, body } = await send("GET", url, undefined, "application/json", headers);
  if (status !== 200) throw new Error(`GET ${url}: ${status} ${body.slice(0, 500)}`);
  return JSON.parse(body);
}

/** PUTs raw bytes (an image upload) and returns the JSON answer of a 200. */
export async function putBytes(url: string, bytes: Buffer): Promise<unknown> {
  const { status, body } = await send("PUT", url, bytes, "application/octet-stream");
  if (status !== 200) throw new Error(`PUT ${url}: ${status} ${body.slice(0, 500)}`);
  return JSON.parse(body);
}

function send(
  method: "GET" | "POST" | "PUT",
  url: string,
  payload?: string | Buffer,
  contentType = "application/json",
  extraHeaders: Record<string, string> = {},
  retried = false,
): Promise<{ status: number; body: string }> {
  const headers = { ...extraHeaders, ...(payload === undefined ? {} : { "content-type": contentType, "content-length": Buffer.byteLength(payload) }) };
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", reject);
    });
    request.on("error", (error: NodeJS.ErrnoException) => {
      // A kept-alive socket the server closed (its keep-alive timeout) just as this request reused
      // it: the request never reached the server, so it is sent once more on a new socket, as
      // Node's http documentation advises for `reusedSocket`.
      if (request.reusedSocket && error.code === "ECONNRESET" && !retried) resolve(send(method, url, payload, contentType, extraHeaders, true));
      else reject(error);
    });
    request.end(payload);
  });
}

// The benchmarks' GraphQL client: one POST to the gateway's /graphql, and a response with errors is
// a failed benchmark, never a fast sample. It runs in the gateway's own process (one event loop), so
// it is node:http on a keep-alive agent rather than fetch: fetch's web streams cost ≈ 0.5 ms of CPU
// per request, which the latency comparison would otherwise charge to the gateway.
import http from "node:http";

const agent = new http.Agent({ keepAlive: true });

export async function postGraphql<T = Record<string, unknown>>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const body = JSON.parse(await post(`${url}/graphql`, JSON.stringify({ query, variables }))) as { data?: T; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(`GraphQL request failed: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return body.data;
}

function post(url: string, payload: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(payload);
  });
}

// The load generator of saturation.ts, in a process of its own so that its CPU is not charged to the
// gateway's event loop: autocannon keeps `connections` requests in flight for `durationSeconds`,
// each request the next of the given GraphQL POSTs in turn. A 200 that carries GraphQL errors counts
// as an error, as a non-200 does. Reads its job as JSON on stdin, writes its result as JSON on stdout.
import autocannon from "autocannon";
import type { SaturationJob, SaturationResult } from "./saturation.ts";

const job = JSON.parse(await new Promise<string>((resolve) => {
  let text = "";
  process.stdin.on("data", (chunk) => (text += chunk));
  process.stdin.on("end", () => resolve(text));
})) as SaturationJob;

let next = 0;
let graphqlErrors = 0;
const result = await autocannon({
  url: job.url,
  connections: job.connections,
  duration: job.durationSeconds,
  requests: [
    {
      method: "POST",
      path: "/graphql",
      setupRequest: (request) => {
        const { body, headers } = job.requests[next++ % job.requests.length]!;
        return { ...request, body, headers: { ...headers, "content-type": "application/json" } };
      },
      onResponse: (status, body) => {
        if (status === 200 && body.includes('"errors"')) graphqlErrors += 1;
      },
    },
  ],
});
const answer: SaturationResult = {
  requestsPerSecond: result.requests.total / result.duration,
  p50Ms: result.latency.p50,
  p99Ms: result.latency.p99,
  failed: result.errors + result.timeouts + result.non2xx + graphqlErrors,
};
process.stdout.write(`${JSON.stringify(answer)}\n`);

// Requests per second at saturation: a load generator (autocannon, in a child process) keeps N
// requests in flight against a GraphQL endpoint for a while and counts what comes back.
import { once } from "node:events";
import { forkModule } from "../../src/stack/forkModule.ts";

export interface SaturationJob {
  readonly url: string;
  readonly connections: number;
  readonly durationSeconds: number;
  /** Sent in turn, round robin over the run. */
  readonly requests: readonly { readonly body: string; readonly headers: Record<string, string> }[];
}

export interface SaturationResult {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Connection errors, timeouts, non-200 answers and answers with GraphQL errors. */
  readonly failed: number;
}

export async function saturate(job: SaturationJob): Promise<SaturationResult> {
  const child = forkModule(new URL("./saturationClient.ts", import.meta.url), [], { stdio: ["pipe", "pipe", "inherit", "ipc"] });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stdin!.end(JSON.stringify(job));
  const [code] = (await once(child, "exit")) as [number | null];
  if (code !== 0) throw new Error(`the load generator exited with ${code}`);
  return JSON.parse(output.trim().split("\n").at(-1)!) as SaturationResult;
}

export interface SaturationTarget {
  readonly url: string;
  readonly requests: SaturationJob["requests"];
}

export interface SaturationPlan {
  readonly connections: number;
  readonly seconds: number;
  readonly warmupSeconds: number;
  /** Each target runs this many measured rounds, the targets taking turns. */
  readonly rounds: number;
}

/**
 * Two targets at saturation in turn (a, b, b, a, …: neither always runs first on a warmer machine),
 * each after a short untimed warm-up; the median round of each and the ratio a / b. A round with a
 * failed request fails the benchmark: an error is not a fast answer.
 */
export async function compareSaturation<K extends string>(targets: Record<K, SaturationTarget>, plan: SaturationPlan) {
  const names = Object.keys(targets) as K[];
  const rounds = Object.fromEntries(names.map((name) => [name, [] as SaturationResult[]])) as Record<K, SaturationResult[]>;
  for (const name of names) await saturate({ ...targets[name], connections: plan.connections, durationSeconds: plan.warmupSeconds });
  for (let round = 0; round < plan.rounds; round++) {
    for (const name of round % 2 === 0 ? names : [...names].reverse()) {
      const result = await saturate({ ...targets[name], connections: plan.connections, durationSeconds: plan.seconds });
      if (result.failed > 0) throw new Error(`${name} at saturation: ${result.failed} failed requests`);
      rounds[name].push(result);
    }
  }
  const medianOf = (results: SaturationResult[]) => {
    const sorted = [...results].sort((x, y) => x.requestsPerSecond - y.requestsPerSecond);
    const m = sorted[Math.floor((sorted.length - 1) / 2)]!;
    return { requestsPerSecond: Math.round(m.requestsPerSecond), p50Ms: m.p50Ms, p99Ms: m.p99Ms, rounds: results.map((r) => Math.round(r.requestsPerSecond)) };
  };
  const summary = Object.fromEntries(names.map((name) => [name, medianOf(rounds[name])])) as Record<K, ReturnType<typeof medianOf>>;
  const [a, b] = names as [K, K];
  return { ...summary, connections: plan.connections, seconds: plan.seconds, ratio: Math.round((summary[a].requestsPerSecond / summary[b].requestsPerSecond) * 100) / 100 };
}

// The sync benchmark's clients: `writers` closed loops of GraphQL mutations over HTTP, each loop a
// brand with a two-color palette, an asset using both and a third color, approve feedback (so the
// asset's three color pairs are counted, colorPairCounts.ts) and a rename. Colors come from the data
// set's, as real palettes share colors: invented hexes grew the graph's Color label tenfold in a
// minute, and Neo4j re-planned the statements touching it again and again (docs/sync.md).
// They run in a process of their own session (runLoad in syncThroughput.ts forks it), so the
// gateway's process and its share of the cores serve only the gateway, as clients elsewhere leave them.
// The first `rampSeconds` are not counted: a fresh gateway, drainer and client process start cold,
// and the phase would measure that. The process is sent its LoadOptions, sends RAMPED_UP when
// counting starts, then its LoadResult, and exits.
import { randomInt } from "node:crypto";
import { colorNameOf } from "../dataset/generateDataset.ts";
import { postGraphql } from "./benchClient.ts";

export interface LoadOptions {
  readonly url: string;
  readonly rampSeconds: number;
  readonly seconds: number;
  readonly writers: number;
  /** The colors palettes and assets draw from. */
  readonly hexes: readonly string[];
  /** When given, writer i's brands are in industries[i mod n], so its approvals move that industry's patterns. */
  readonly industries?: readonly string[];
}

export const RAMPED_UP = "ramped-up";

export interface LoadResult {
  readonly mutations: number;
  readonly seconds: number;
  /** CPU seconds this process spent while counting, every thread of it. */
  readonly clientCpuSeconds: number;
}

const MUTATIONS = {
  organization: `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
  brand: `mutation ($input: CreateBrandInput!) { createBrand(input: $input) { id } }`,
  asset: `mutation ($input: CreateAssetInput!) { createAsset(input: $input) { id } }`,
  feedback: `mutation ($input: RecordFeedbackInput!) { recordFeedback(input: $input) { id } }`,
  rename: `mutation ($id: ID!, $input: UpdateBrandInput!) { updateBrand(id: $id, input: $input) { id } }`,
};

/** A brand's two palette colors and its asset's third. */
const COLORS_PER_LOOP = 3;

/** `count` different colors of the pool, named as the data set names them. */
function pickColors(hexes: readonly string[], count: number): { hex: string; name: string }[] {
  const picked = new Set<string>();
  while (picked.size < count) picked.add(hexes[randomInt(hexes.length)]!);
  return [...picked].map((hex) => ({ hex, name: colorNameOf(hex) }));
}

async function runLoad({ url, rampSeconds, seconds, writers, hexes, industries }: LoadOptions): Promise<LoadResult> {
  // Checked once, or pickColors would never return.
  if (new Set(hexes).size < COLORS_PER_LOOP) throw new Error(`the data set has ${hexes.length} colors; each loop needs ${COLORS_PER_LOOP} different ones`);
  let mutations = 0;
  let counting = false;
  // A failed mutation ends the run (postGraphql throws): throughput of failing requests is not throughput.
  const mutate = async (query: string, variables: Record<string, unknown>): Promise<string> => {
    const data = await postGraphql<Record<string, { id: string }>>(url, query, variables);
    if (counting) mutations += 1;
    return Object.values(data)[0]!.id;
  };
  let started = performance.now();
  let startedCpu = cpuSeconds();
  const deadline = started + (rampSeconds + seconds) * 1000;
  setTimeout(() => {
    counting = true;
    started = performance.now();
    startedCpu = cpuSeconds();
    process.send!(RAMPED_UP);
  }, rampSeconds * 1000);
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      const organizationId = await mutate(MUTATIONS.organization, { input: { name: `bench ${writer}` } });
      const industry = industries?.length ? { industry: industries[writer % industries.length] } : {};
      while (performance.now() < deadline) {
        const [first, second, third] = pickColors(hexes, COLORS_PER_LOOP);
        const brandId = await mutate(MUTATIONS.brand, {
          input: { organizationId, name: "bench brand", ...industry, colors: [{ ...first!, usageWeight: 0.6 }, { ...second!, usageWeight: 0.4 }] },
        });
        const colors = [{ hex: first!.hex, coverage: 0.3 }, { hex: second!.hex, coverage: 0.2 }, { hex: third!.hex, coverage: 0.5 }];
        const assetId = await mutate(MUTATIONS.asset, { input: { brandId, prompt: "a bench asset", complianceScore: 0.9, colors } });
        await mutate(MUTATIONS.feedback, { input: { assetId, action: "approve" } });
        await mutate(MUTATIONS.rename, { id: brandId, input: { name: "renamed" } });
      }
    }),
  );
  return { mutations, seconds: (performance.now() - started) / 1000, clientCpuSeconds: cpuSeconds() - startedCpu };
}

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

// A failure reaches the suite as the process's exit code and its stderr; a suite that is gone (its
// channel closed) ends the load.
process.once("message", (options: LoadOptions) => {
  runLoad(options).then(
    (result) => process.send!(result, () => process.exit(0)),
    (error: Error) => {
      console.error(error);
      process.exit(1);
    },
  );
});
process.once("disconnect", () => process.exit(0));

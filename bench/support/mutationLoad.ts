// The sync benchmark's clients, in a worker thread so the gateway's event loop serves only the
// gateway: `writers` closed loops of GraphQL mutations over HTTP for `seconds`, each loop a
// brand with a two-color palette, an asset using a third color, approve feedback and a rename.
import { randomUUID } from "node:crypto";
import { parentPort, workerData } from "node:worker_threads";
import { postGraphql } from "./postGraphql.ts";

export interface LoadOptions {
  readonly url: string;
  readonly seconds: number;
  readonly writers: number;
}

export interface LoadResult {
  readonly mutations: number;
  readonly seconds: number;
}

const MUTATIONS = {
  organization: `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
  brand: `mutation ($input: CreateBrandInput!) { createBrand(input: $input) { id } }`,
  asset: `mutation ($input: CreateAssetInput!) { createAsset(input: $input) { id } }`,
  feedback: `mutation ($input: RecordFeedbackInput!) { recordFeedback(input: $input) { id } }`,
  rename: `mutation ($id: ID!, $input: UpdateBrandInput!) { updateBrand(id: $id, input: $input) { id } }`,
};

const hex = () => `#${randomUUID().slice(0, 6).toUpperCase()}`;

async function runLoad({ url, seconds, writers }: LoadOptions): Promise<LoadResult> {
  let mutations = 0;
  // A failed mutation ends the run (postGraphql throws): throughput of failing requests is not throughput.
  const mutate = async (query: string, variables: Record<string, unknown>): Promise<string> => {
    const data = await postGraphql<Record<string, { id: string }>>(url, query, variables);
    mutations += 1;
    return Object.values(data)[0]!.id;
  };
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      const organizationId = await mutate(MUTATIONS.organization, { input: { name: `bench ${writer}` } });
      while (performance.now() < deadline) {
        const brandId = await mutate(MUTATIONS.brand, {
          input: { organizationId, name: "bench brand", colors: [{ hex: hex(), name: "a", usageWeight: 0.6 }, { hex: hex(), name: "b", usageWeight: 0.4 }] },
        });
        const assetId = await mutate(MUTATIONS.asset, { input: { brandId, prompt: "a bench asset", complianceScore: 0.9, colors: [{ hex: hex(), coverage: 0.5 }] } });
        await mutate(MUTATIONS.feedback, { input: { assetId, action: "approve" } });
        await mutate(MUTATIONS.rename, { id: brandId, input: { name: "renamed" } });
      }
    }),
  );
  return { mutations, seconds: (performance.now() - started) / 1000 };
}

if (parentPort) parentPort.postMessage(await runLoad(workerData as LoadOptions));

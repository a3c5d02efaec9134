// A brand's feedback_count counts its feedback rows, whatever runs at once. Six recordFeedback and
// one deleteAsset on the same asset, 40 rounds: before deletes locked the asset (and its brand)
// before counting what cascades, this test failed 3 runs of 3 on that code, the count ending at
// 135, 141 and 137 for 40 rows (the rows recorded between the delete's count and its DELETE went
// with the asset but stayed on the count). Each round also withdraws, at the same moment, one
// feedback of the doomed asset recorded before the round (deleteFeedback against the cascade).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crudFactory } from "../support/crudFactory.ts";
import { drainOrganizations, graphFeedbackOfBrand } from "../support/organizationGraph.ts";
import { startTestGateway, type TestGateway } from "../support/testDeps.ts";

const ROUNDS = 40;
const RECORDS_PER_ROUND = 6;

describe("feedback counts under concurrent feedback and asset deletes", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.close());

  const recordFeedback = (assetId: string) =>
    gateway.graphql(`mutation ($input: RecordFeedbackInput!) { recordFeedback(input: $input) { id } }`, { input: { assetId, action: "approve" } });
  const deleteAsset = (id: string) => gateway.graphql(`mutation ($id: ID!) { deleteAsset(id: $id) }`, { id });
  const deleteFeedback = (id: string) => gateway.graphql(`mutation ($id: ID!) { deleteFeedback(id: $id) }`, { id });

  it("keeps the brand's feedbackCount equal to its feedback rows, in Postgres and in the graph", { timeout: 90_000 }, async () => {
    const make = crudFactory(gateway.deps);
    const organization = await make.organization();
    const brand = await make.brand(organization.id);
    const kept = await make.asset(brand.id);
    const codes: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const doomed = await make.asset(brand.id);
      const withdrawn = (await recordFeedback(doomed.id)).data.recordFeedback.id;
      const results = await Promise.all([
        ...Array.from({ length: RECORDS_PER_ROUND }, () => recordFeedback(doomed.id)),
        deleteFeedback(withdrawn),
        deleteAsset(doomed.id),
        recordFeedback(kept.id),
      ]);
      codes.push(...results.flatMap((r) => (r.errors ?? []).map((e: any) => e.extensions.code as string)));
    }
    // Feedback racing the delete may find its asset gone: NOT_FOUND, never anything else.
    expect(codes.filter((code) => code !== "NOT_FOUND")).toEqual([]);

    const rows = await gateway.deps.prisma.feedback.count({ where: { brandId: brand.id } });
    expect(rows).toBe(ROUNDS);
    const stored = await gateway.deps.prisma.brand.findUniqueOrThrow({ where: { id: brand.id } });
    expect(stored.feedbackCount).toBe(rows);

    await drainOrganizations(gateway.deps, [organization.id]);
    expect(await graphFeedbackOfBrand(gateway.deps, brand.id)).toEqual({ feedbackCount: rows, edges: rows });
  });
});

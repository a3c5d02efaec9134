import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crudFactory, expectRefused, syncEventsFor } from "../support/crudFactory.ts";
import { startTestGateway, type TestGateway } from "../support/testDeps.ts";

const RECORD = `mutation($input: RecordFeedbackInput!) { recordFeedback(input: $input) { id assetId brandId action reason createdAt } }`;

describe("feedback", () => {
  let gateway: TestGateway;
  let make: ReturnType<typeof crudFactory>;
  beforeAll(async () => {
    gateway = await startTestGateway();
    make = crudFactory(gateway.deps);
  });
  afterAll(() => gateway.close());

  it("records feedback under the asset's brand and counts it on the brand, recording both changes", async () => {
    const brand = await make.brand((await make.organization()).id);
    const asset = await make.asset(brand.id);
    const result = await gateway.graphql(RECORD, { input: { assetId: asset.id, action: "Approve", reason: " on brand " } });
    expect(result.data.recordFeedback).toMatchObject({ assetId: asset.id, brandId: brand.id, action: "approve", reason: "on brand" });
    await gateway.graphql(RECORD, { input: { assetId: asset.id, action: "reject" } });

    const read = await gateway.graphql(`query($id: ID!) { brand(id: $id) { feedbackCount assets { edges { node { feedback { action reason } } } } } }`, {
      id: brand.id,
    });
    expect(read.data.brand).toEqual({
      feedbackCount: 2,
      assets: { edges: [{ node: { feedback: [{ action: "approve", reason: "on brand" }, { action: "reject", reason: null }] } }] },
    });
    const feedbackId = result.data.recordFeedback.id;
    expect(await syncEventsFor(gateway.deps, [feedbackId])).toEqual([`feedback:upsert:${feedbackId}`]);
    expect((await syncEventsFor(gateway.deps, [brand.id])).filter((e) => e === `brand:upsert:${brand.id}`)).toHaveLength(3);
  });

  it("refuses an action other than approve or reject and an unknown asset, counting nothing", async () => {
    const brand = await make.brand((await make.organization()).id);
    const asset = await make.asset(brand.id);
    expectRefused(await gateway.graphql(RECORD, { input: { assetId: asset.id, action: "love" } }), "BAD_USER_INPUT", "input.action");
    expectRefused(
      await gateway.graphql(RECORD, { input: { assetId: "019abcde-0000-7000-8000-00000000dead", action: "approve" } }),
      "NOT_FOUND",
      "input.assetId",
    );
    expect(await gateway.deps.prisma.brand.findUniqueOrThrow({ where: { id: brand.id } })).toMatchObject({ feedbackCount: 0 });
  });

  it("reads feedback by id and lists it by asset, brand and action", async () => {
    const brand = await make.brand((await make.organization()).id);
    const asset = await make.asset(brand.id);
    const approve = await make.feedback(asset.id, "approve");
    const reject = await make.feedback(asset.id, "reject");
    const byId = await gateway.graphql(`query($id: ID!) { feedback(id: $id) { id action } }`, { id: reject.id });
    expect(byId.data.feedback).toEqual({ id: reject.id, action: "reject" });

    const list = `query($assetId: ID, $brandId: ID, $action: String) {
      feedbackList(assetId: $assetId, brandId: $brandId, action: $action) { edges { node { id } } } }`;
    const ids = async (vars: Record<string, unknown>) => (await gateway.graphql(list, vars)).data.feedbackList.edges.map((e: any) => e.node.id);
    expect(await ids({ assetId: asset.id })).toEqual([approve.id, reject.id]);
    expect(await ids({ brandId: brand.id, action: "reject" })).toEqual([reject.id]);
    expectRefused(await gateway.graphql(list, { action: "meh" }), "BAD_USER_INPUT", "action");
  });
});

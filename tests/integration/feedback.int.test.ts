import { describe, expect, it } from "vitest";
import { expectRefused, syncEventsFor, UNKNOWN_ID } from "../support/crudFactory.ts";
import { crudSuite } from "../support/crudSuite.ts";

const RECORD = `mutation($input: RecordFeedbackInput!) { recordFeedback(input: $input) { id assetId brandId action reason createdAt } }`;

describe("feedback", () => {
  const sut = crudSuite();

  it("records feedback under the asset's brand and counts it on the brand, recording both changes", async () => {
    const brand = await sut.make.brand((await sut.make.organization()).id);
    const asset = await sut.make.asset(brand.id);
    const result = await sut.graphql(RECORD, { input: { assetId: asset.id, action: "Approve", reason: " on brand " } });
    expect(result.data.recordFeedback).toMatchObject({ assetId: asset.id, brandId: brand.id, action: "approve", reason: "on brand" });
    await sut.graphql(RECORD, { input: { assetId: asset.id, action: "reject" } });

    const read = await sut.graphql(`query($id: ID!) { brand(id: $id) { feedbackCount assets { edges { node { feedback { action reason } } } } } }`, {
      id: brand.id,
    });
    expect(read.data.brand).toEqual({
      feedbackCount: 2,
      assets: { edges: [{ node: { feedback: [{ action: "approve", reason: "on brand" }, { action: "reject", reason: null }] } }] },
    });
    const feedbackId = result.data.recordFeedback.id;
    expect(await syncEventsFor(sut.deps, [feedbackId])).toEqual([`feedback:upsert:${feedbackId}`]);
    expect((await syncEventsFor(sut.deps, [brand.id])).filter((e) => e === `brand:upsert:${brand.id}`)).toHaveLength(3);
  });

  it("refuses an action other than approve or reject and an unknown asset, counting nothing", async () => {
    const brand = await sut.make.brand((await sut.make.organization()).id);
    const asset = await sut.make.asset(brand.id);
    expectRefused(await sut.graphql(RECORD, { input: { assetId: asset.id, action: "love" } }), "BAD_USER_INPUT", "input.action");
    expectRefused(
      await sut.graphql(RECORD, { input: { assetId: UNKNOWN_ID, action: "approve" } }),
      "NOT_FOUND",
      "input.assetId",
    );
    expect(await sut.deps.prisma.brand.findUniqueOrThrow({ where: { id: brand.id } })).toMatchObject({ feedbackCount: 0 });
  });

  it("reads feedback by id and lists it by asset, brand and action", async () => {
    const brand = await sut.make.brand((await sut.make.organization()).id);
    const asset = await sut.make.asset(brand.id);
    const approve = await sut.make.feedback(asset.id, "approve");
    const reject = await sut.make.feedback(asset.id, "reject");
    const byId = await sut.graphql(`query($id: ID!) { feedback(id: $id) { id action } }`, { id: reject.id });
    expect(byId.data.feedback).toEqual({ id: reject.id, action: "reject" });

    const list = `query($assetId: ID, $brandId: ID, $action: String) {
      feedbackList(assetId: $assetId, brandId: $brandId, action: $action) { edges { node { id } } } }`;
    const ids = async (vars: Record<string, unknown>) => (await sut.graphql(list, vars)).data.feedbackList.edges.map((e: any) => e.node.id);
    expect(await ids({ assetId: asset.id })).toEqual([approve.id, reject.id]);
    expect(await ids({ brandId: brand.id, action: "reject" })).toEqual([reject.id]);
    expectRefused(await sut.graphql(list, { action: "meh" }), "BAD_USER_INPUT", "action");
  });
});

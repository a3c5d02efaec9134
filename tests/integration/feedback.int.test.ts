import { describe, expect, it } from "vitest";
import { expectRefused, syncEventsFor, UNKNOWN_ID } from "../support/crudFactory.ts";
import { crudSuite } from "../support/crudSuite.ts";

const RECORD = `mutation($input: RecordFeedbackInput!) { recordFeedback(input: $input) { id assetId brandId action reason createdAt } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateFeedbackInput!) { updateFeedback(id: $id, input: $input) { id action reason } }`;
const DELETE = `mutation($id: ID!) { deleteFeedback(id: $id) }`;

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

  it("corrects feedback's action and reason, leaving out what is not given, and records the change", async () => {
    const brand = await sut.make.brand((await sut.make.organization()).id);
    const asset = await sut.make.asset(brand.id);
    const feedback = await sut.make.feedback(asset.id, "reject");
    await sut.graphql(UPDATE, { id: feedback.id, input: { reason: " too dark " } });
    const corrected = await sut.graphql(UPDATE, { id: feedback.id, input: { action: "APPROVE" } });
    expect(corrected.data.updateFeedback).toEqual({ id: feedback.id, action: "approve", reason: "too dark" });
    const cleared = await sut.graphql(UPDATE, { id: feedback.id, input: { reason: null } });
    expect(cleared.data.updateFeedback).toEqual({ id: feedback.id, action: "approve", reason: null });
    expect(await syncEventsFor(sut.deps, [feedback.id])).toEqual(Array(4).fill(`feedback:upsert:${feedback.id}`));
  });

  it("refuses a null or unknown action and an unknown id, changing nothing", async () => {
    const brand = await sut.make.brand((await sut.make.organization()).id);
    const asset = await sut.make.asset(brand.id);
    const feedback = await sut.make.feedback(asset.id, "reject");
    expectRefused(await sut.graphql(UPDATE, { id: feedback.id, input: { action: null } }), "BAD_USER_INPUT", "input.action");
    expectRefused(await sut.graphql(UPDATE, { id: feedback.id, input: { action: "love" } }), "BAD_USER_INPUT", "input.action");
    expectRefused(await sut.graphql(UPDATE, { id: feedback.id, input: { reason: "x".repeat(2001) } }), "BAD_USER_INPUT", "input.reason");
    expectRefused(await sut.graphql(UPDATE, { id: UNKNOWN_ID, input: { action: "approve" } }), "NOT_FOUND", "id");
    expect(await sut.deps.prisma.feedback.findUniqueOrThrow({ where: { id: feedback.id } })).toMatchObject({ action: "reject" });
    expect(await syncEventsFor(sut.deps, [feedback.id])).toEqual([`feedback:upsert:${feedback.id}`]);
  });

  it("withdraws feedback, takes it off the brand's count and records both changes; a second withdrawal is NOT_FOUND", async () => {
    const brand = await sut.make.brand((await sut.make.organization()).id);
    const asset = await sut.make.asset(brand.id);
    const kept = await sut.graphql(RECORD, { input: { assetId: asset.id, action: "approve" } });
    const withdrawn = await sut.graphql(RECORD, { input: { assetId: asset.id, action: "reject" } });
    const id = withdrawn.data.recordFeedback.id;

    expect((await sut.graphql(DELETE, { id })).data).toEqual({ deleteFeedback: true });
    expectRefused(await sut.graphql(DELETE, { id }), "NOT_FOUND", "id");

    const read = await sut.graphql(`query($id: ID!) { brand(id: $id) { feedbackCount assets { edges { node { feedback { id } } } } } }`, { id: brand.id });
    expect(read.data.brand).toEqual({ feedbackCount: 1, assets: { edges: [{ node: { feedback: [{ id: kept.data.recordFeedback.id }] } }] } });
    expect(await syncEventsFor(sut.deps, [id])).toEqual([`feedback:upsert:${id}`, `feedback:delete:${id}`]);
    expect((await syncEventsFor(sut.deps, [brand.id])).filter((e) => e === `brand:upsert:${brand.id}`)).toHaveLength(4);
  });
});

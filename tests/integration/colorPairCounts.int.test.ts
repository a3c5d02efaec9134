// The color pair counts Color.pairings reads (PAIRS_WITH, src/projector/colorPairCounts.ts) stay
// equal to what they summarise — for every two colors, the approved assets in Postgres using both,
// and their compliance scores — while two drainers race over assets, feedback and brands changing
// at once; three interleavings forced with held locks (an approval added to a pair another
// projection deletes, an asset appearing under a brand whose deletion is projected, an asset projected
// while its feedback's projection runs); and reconcile finds and repairs counts changed around the
// projector.
import { GraphQLError } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recountColorPairs } from "../../src/backfill/recountColorPairs.ts";
import { seededRandom } from "../../src/domain/seededRandom.ts";
import type { GraphConnection } from "../../src/graph/graphConnection.ts";
import { NANOS, PAIRS_WITH } from "../../src/projector/colorPairCounts.ts";
import { eventually, outboxRows } from "../support/outbox.ts";
import { drainRacing, racingDrainers, type RacingDrainers } from "../support/racingDrainers.ts";
import { removeGraphSlice } from "../support/removeGraphSlice.ts";
import { newScope, syncedWrites, uniqueHex, type SyncedWrite, type TestScope } from "../support/syncedWrites.ts";
import type { TestDeps } from "../support/testDeps.ts";

let drainers: RacingDrainers;
let writer: TestDeps;
let first: TestDeps;
let second: TestDeps;
const scopes: TestScope[] = [];
const organizations: string[] = [];
beforeAll(() => {
  drainers = racingDrainers({ batchSize: 5 });
  ({ writer, first, second } = drainers);
});
afterAll(async () => {
  for (const hold of holds) await hold.release();
  for (const scope of scopes) await removeGraphSlice(first.graph!.driver, first.graph!.database, scope);
  await writer.prisma.organization.deleteMany({ where: { id: { in: organizations } } });
  for (const deps of [drainers.writer, drainers.first, drainers.second]) await deps.close();
});

/** A fresh scope and its writes, four colors of its own, and an organization with a brand. */
async function organizationInScope() {
  const scope = newScope();
  scopes.push(scope);
  const writes = syncedWrites(writer, scope);
  const colors = Array.from({ length: 4 }, () => uniqueHex(scope)) as [string, string, string, string];
  const org = await writes.createOrganization();
  organizations.push(org.id);
  const brand = await writes.createBrand({ organizationId: org.id, colors: [] });
  return { scope, writes, colors, org, brand };
}

interface PairCount {
  readonly pair: string;
  readonly count: number;
  readonly scored: number;
  readonly scoreNanos: number;
}

/** The oracle: the pairs of the scope's colors over the approved assets in Postgres. */
async function pairsInPostgres(deps: TestDeps, hexes: readonly string[]): Promise<PairCount[]> {
  const assets = await deps.prisma.asset.findMany({
    where: { colors: { some: { hex: { in: [...hexes] } } }, feedback: { some: { action: "approve" } } },
    include: { colors: true },
  });
  const pairs = new Map<string, { count: number; scored: number; scoreNanos: number }>();
  for (const asset of assets) {
    const colors = asset.colors.map((c) => c.hex).sort();
    for (let i = 0; i < colors.length; i++)
      for (let j = i + 1; j < colors.length; j++) {
        const key = `${colors[i]}-${colors[j]}`;
        const pair = pairs.get(key) ?? { count: 0, scored: 0, scoreNanos: 0 };
        pair.count += 1;
        if (asset.complianceScore !== null) (pair.scored += 1), (pair.scoreNanos += Math.round(asset.complianceScore * NANOS));
        pairs.set(key, pair);
      }
  }
  return [...pairs].map(([pair, p]) => ({ pair, ...p })).sort((a, b) => a.pair.localeCompare(b.pair));
}

async function pairsInGraph(graph: GraphConnection, hexes: readonly string[]): Promise<PairCount[]> {
  const { records } = await graph.driver.executeQuery(
    `MATCH (c1:Color)-[p:${PAIRS_WITH}]->(c2:Color) WHERE c1.hex IN $hexes OR c2.hex IN $hexes
     RETURN c1.hex + '-' + c2.hex AS pair, p.count AS count, p.scored AS scored, p.score_nanos AS scoreNanos ORDER BY pair`,
    { hexes },
    { database: graph.database },
  );
  return records.map((r) => ({ pair: r.get("pair"), count: r.get("count"), scored: r.get("scored"), scoreNanos: r.get("scoreNanos") }));
}

function expectSamePairs(actual: PairCount[], expected: PairCount[]) {
  expect(actual).toEqual(expected);
}

describe("color pair counts", () => {
  it("equal the approved assets' pairs in Postgres after two drainers race over assets, feedback and brands changing at once", async () => {
    const scope = newScope();
    scopes.push(scope);
    const writes = syncedWrites(writer, scope);
    const random = seededRandom(29);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const hexes = Array.from({ length: 5 }, () => uniqueHex(scope));
    const someColors = () => hexes.filter(() => random() < 0.6).map((hex) => ({ hex, coverage: 0.2 }));
    const score = () => (random() < 0.2 ? null : Math.round(random() * 1000) / 1000);
    const orgs = [await writes.createOrganization(), await writes.createOrganization()];
    organizations.push(...orgs.map((o) => o.id));
    const brands: string[] = [];
    for (let i = 0; i < 4; i++) brands.push((await writes.createBrand({ organizationId: orgs[i % 2]!.id, colors: [] })).id);
    const assets: string[] = [];
    const feedback: string[] = [];

    const step = async (brandsLeft: string[]) => {
      const roll = random();
      if (roll < 0.3 || assets.length < 3) {
        assets.push((await writes.createAsset({ brandId: pick(brandsLeft), colors: someColors(), complianceScore: score() })).id);
      } else if (roll < 0.55) {
        feedback.push((await writes.recordFeedback({ assetId: pick(assets), action: random() < 0.7 ? "approve" : "reject" })).id);
      } else if (roll < 0.7) {
        await writes.updateAsset(pick(assets), random() < 0.5 ? { colors: someColors() } : { complianceScore: score() });
      } else if (roll < 0.8 && feedback.length > 0) {
        await writes.updateFeedback(pick(feedback), { action: random() < 0.5 ? "approve" : "reject" });
      } else if (roll < 0.9 && feedback.length > 0) {
        const gone = feedback.splice(Math.floor(random() * feedback.length), 1)[0]!;
        await writes.deleteFeedback(gone);
      } else {
        const gone = assets.splice(Math.floor(random() * assets.length), 1)[0]!;
        await writes.deleteAsset(gone);
      }
    };
    // Writes from three lanes at once, so projections of one asset and of its feedback overlap.
    let writing = true;
    const load = (async () => {
      await Promise.all(
        [0, 1, 2].map(async () => {
          for (let i = 0; i < 40; i++) await step(brands.slice(0, 3)).catch(ignoreDeletedParent);
          // However the random steps interleaved, every pair of the scope's colors ends up approved
          // somewhere, so the comparison below always has pairs to compare.
          const asset = await writes.createAsset({ brandId: brands[2]!, colors: hexes.map((hex) => ({ hex })), complianceScore: score() });
          await writes.recordFeedback({ assetId: asset.id, action: "approve" });
        }),
      );
      // A brand deleted with its assets and their feedback.
      await writes.deleteBrand(brands[1]!);
      writing = false;
    })();
    await Promise.all([load, drainRacing(drainers, scope, () => writing)]);

    const expected = await pairsInPostgres(writer, hexes);
    expect(expected).toHaveLength((hexes.length * (hexes.length - 1)) / 2);
    expectSamePairs(await pairsInGraph(first.graph!, hexes), expected);
    // And the recount agrees: nothing differs.
    expect(await recountColorPairs(first.graph!, hexes, true)).toBe(0);
  }, 120_000);

  it("keep an approval added to a pair while another projection deletes it (the addition tried again, not lost)", async () => {
    const { scope, writes, colors, brand } = await organizationInScope();
    const [low, high, third] = colors.sort();
    const recolored = await writes.createAsset({ brandId: brand.id, colors: [{ hex: low }, { hex: high }], complianceScore: 0.5 });
    await writes.recordFeedback({ assetId: recolored.id, action: "approve" });
    const approved = await writes.createAsset({ brandId: brand.id, colors: [{ hex: low }, { hex: high }], complianceScore: 0.25 });
    await writes.createAsset({ brandId: brand.id, colors: [{ hex: third }] });
    await drainRacing(drainers, scope, () => false);
    const hexes = [low, high, third];
    expect((await pairsInGraph(first.graph!, hexes)).map((p) => [p.pair, p.count])).toEqual([[`${low}-${high}`, 1]]);

    // The recoloring's projection takes the pair's only approved asset away, deleting the pair, and
    // then waits: the test holds the third color, which the recolored asset is about to link to.
    const graph = first.graph!;
    const hold = await holdInGraph(graph, `MATCH (c:Color {hex: $third}) SET c.held = true`, { third });
    const recoloring = await writes.updateAsset(recolored.id, { colors: [{ hex: low }, { hex: third }] });
    const approval = await writes.recordFeedback({ assetId: approved.id, action: "approve" });
    const recolorDrained = first.sync.drainer!.drainOnce(recoloring.eventIds);
    await blockedTransactions(graph, 1);
    // The approval's projection adds to the pair the recoloring has deleted but not yet committed.
    const approvalDrained = second.sync.drainer!.drainOnce(approval.eventIds);
    await blockedTransactions(graph, 2);
    await hold.release();
    await Promise.all([recolorDrained, approvalDrained]);
    await drainRacing(drainers, scope, () => false);

    const expected = await pairsInPostgres(writer, hexes);
    expect(expected.map((p) => [p.pair, p.count])).toEqual([[`${low}-${high}`, 1], [`${low}-${third}`, 1]]);
    expectSamePairs(await pairsInGraph(graph, hexes), expected);
  });

  it("retract an asset that appeared under a brand while the brand's deletion was projected (the deletion tried again, not over-counted)", async () => {
    const { scope, writes, colors, brand: deleted, org } = await organizationInScope();
    const [p1, p2, u, v] = colors;
    const other = await writes.createBrand({ organizationId: org.id, colors: [] });
    const retracted = await writes.createAsset({ brandId: deleted.id, colors: [{ hex: p1 }, { hex: p2 }], complianceScore: 0.5 });
    await writes.recordFeedback({ assetId: retracted.id, action: "approve" });
    await writes.createAsset({ brandId: other.id, colors: [{ hex: u }] });
    await drainRacing(drainers, scope, () => false);
    const hexes = [p1, p2, u, v];
    const graph = first.graph!;

    // Two holds in the graph: the color `u`, and the pair the brand's deletion subtracts from.
    const holdColor = await holdInGraph(graph, `MATCH (c:Color {hex: $u}) SET c.held = true`, { u });
    const holdPair = await holdInGraph(graph, `MATCH (c1:Color)-[p:${PAIRS_WITH}]->(c2:Color) WHERE c1.hex IN $hexes AND c2.hex IN $hexes SET p.held = true`, {
      hexes: [p1, p2],
    });
    // An asset made under the brand and approved: its projection, having read both, waits for `u`.
    const late = await writes.createAsset({ brandId: deleted.id, colors: [{ hex: u }, { hex: v }], complianceScore: 0.25 });
    const lateApproval = await writes.recordFeedback({ assetId: late.id, action: "approve" });
    const lateDrained = first.sync.drainer!.drainOnce(await ownEvents(late, lateApproval));
    await blockedTransactions(graph, 1);
    // The brand is deleted; its projection retracts the brand's assets (the late one is not in the
    // graph yet) and waits for the pair.
    const deletion = await writes.deleteBrand(deleted.id);
    const deletionDrained = second.sync.drainer!.drainOnce(deletion.eventIds);
    await blockedTransactions(graph, 2);
    // The late asset and its approval commit, under the brand the deletion has yet to delete.
    await holdColor.release();
    await lateDrained;
    await holdPair.release();
    await deletionDrained;
    await drainRacing(drainers, scope, () => false);

    const expected = await pairsInPostgres(writer, hexes);
    expect(expected).toEqual([]);
    expectSamePairs(await pairsInGraph(graph, hexes), expected);
  });

  it("count an asset once when it is projected while its feedback's projection runs (the asset waits for it)", async () => {
    const { scope, writes, colors, brand } = await organizationInScope();
    const [held, w, u, v] = colors;
    const recolored = await writes.createAsset({ brandId: brand.id, colors: [{ hex: w }] });
    await writes.createAsset({ brandId: brand.id, colors: [{ hex: held }] });
    await drainRacing(drainers, scope, () => false);
    const hexes = [held, w, u, v];
    const graph = first.graph!;

    // In Postgres: an asset, approved twice. The graph has none of it yet.
    const late = await writes.createAsset({ brandId: brand.id, colors: [{ hex: u }, { hex: v }], complianceScore: 0.25 });
    const [firstApproval, secondApproval] = [
      await writes.recordFeedback({ assetId: late.id, action: "approve" }),
      await writes.recordFeedback({ assetId: late.id, action: "approve" }),
    ];
    // One projection of the first approval and of another asset's recoloring: it retracts (the late
    // asset is not in the graph), then waits for the held color the recolored asset is to link to.
    const hold = await holdInGraph(graph, `MATCH (c:Color {hex: $held}) SET c.held = true`, { held });
    const recoloring = await writes.updateAsset(recolored.id, { colors: [{ hex: w }, { hex: held }] });
    const waiting = first.sync.drainer!.drainOnce(await ownEvents(recoloring, firstApproval));
    await blockedTransactions(graph, 1);
    // The asset and its second approval: their projection waits for the first, which looked the
    // asset up in its unique index and found none.
    const lateDrained = second.sync.drainer!.drainOnce(await ownEvents(late, secondApproval));
    await blockedTransactions(graph, 2);
    await hold.release();
    await Promise.all([waiting, lateDrained]);
    await drainRacing(drainers, scope, () => false);

    const expected = await pairsInPostgres(writer, hexes);
    expect(expected.map((p) => p.count)).toEqual([1]);
    expectSamePairs(await pairsInGraph(graph, hexes), expected);
  });

  it("are recounted by reconcile when the graph changed around the projector, and a dry run only counts", async () => {
    const { scope, writes, colors, brand } = await organizationInScope();
    const [red, green, blue, white] = colors;
    for (const [colors, score] of [[[red, green, blue], 0.5], [[red, green], 0.9], [[green, white], null]] as const) {
      const asset = await writes.createAsset({ brandId: brand.id, colors: colors.map((hex) => ({ hex })), complianceScore: score });
      await writes.recordFeedback({ assetId: asset.id, action: "approve" });
    }
    await drainRacing(drainers, scope, () => false);
    const hexes = [red, green, blue, white];
    const expected = await pairsInPostgres(writer, hexes);
    expectSamePairs(await pairsInGraph(first.graph!, hexes), expected);

    const graph = first.graph!;
    const cypher = (text: string, params: Record<string, unknown>) => graph.driver.executeQuery(text, params, { database: graph.database });
    // Three kinds of drift: a wrong count, a missing pair and a pair no approved asset has.
    const [lower, upper] = [red, green].sort();
    await cypher(`MATCH (:Color {hex: $lower})-[p:${PAIRS_WITH}]->(:Color {hex: $upper}) SET p.count = 7`, { lower, upper });
    const [gw1, gw2] = [green, white].sort();
    await cypher(`MATCH (:Color {hex: $a})-[p:${PAIRS_WITH}]->(:Color {hex: $b}) DELETE p`, { a: gw1, b: gw2 });
    const [bw1, bw2] = [blue, white].sort();
    await cypher(
      `MATCH (a:Color {hex: $a}), (b:Color {hex: $b}) CREATE (a)-[:${PAIRS_WITH} {count: 2, scored: 0, score_nanos: 0}]->(b)`,
      { a: bw1, b: bw2 },
    );
    const drifted = await pairsInGraph(graph, hexes);

    expect(await recountColorPairs(graph, hexes, true)).toBe(3);
    expect(await pairsInGraph(graph, hexes)).toEqual(drifted);

    expect(await recountColorPairs(graph, hexes, false)).toBe(3);
    expectSamePairs(await pairsInGraph(graph, hexes), expected);
    expect(await recountColorPairs(graph, hexes, false)).toBe(0);
  });
});

interface Hold {
  release(): Promise<void>;
}

/** Holds released by afterAll if a test failed before releasing them. */
const holds = new Set<Hold>();

/** Runs `statement` in a transaction held open (its write locks held) until released. */
async function holdInGraph(graph: GraphConnection, statement: string, params: Record<string, unknown>): Promise<Hold> {
  const session = graph.driver.session({ database: graph.database });
  const tx = await session.beginTransaction();
  await tx.run(statement, params);
  const hold: Hold = {
    async release() {
      if (!holds.delete(hold)) return;
      await tx.rollback();
      await session.close();
    },
  };
  holds.add(hold);
  return hold;
}

/**
 * The writes' events but their brands': an asset's or a feedback's write also changes its brand, and
 * a projection of the brand would hold the brand's entity lock and node, which the held
 * interleavings keep for others.
 */
async function ownEvents(...writes: SyncedWrite[]): Promise<bigint[]> {
  const events = await outboxRows(writer.prisma, writes.flatMap((w) => w.eventIds));
  return events.filter((e) => e.entityType !== "brand").map((e) => e.id);
}

/** Waits until `count` transactions of the graph wait for another's lock. */
async function blockedTransactions(graph: GraphConnection, count: number): Promise<void> {
  const blocked = async () =>
    Number(
      (await graph.driver.executeQuery(`SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS n`, {}, { database: graph.database }))
        .records[0]!.get("n"),
    );
  await eventually(blocked, (n) => n >= count);
}

/** A lane may write to an asset (or its feedback) another lane has just deleted: refused, as it should be. */
function ignoreDeletedParent(error: unknown) {
  if (error instanceof GraphQLError && error.extensions.code === "NOT_FOUND") return;
  throw error;
}

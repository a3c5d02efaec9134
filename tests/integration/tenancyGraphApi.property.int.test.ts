// Property: whatever generated-API query a caller of one organization sends (any root field, list
// or connection, nested up to three relationships deep, filtered by ids, organizations, names and
// relationships of either organization), it answers without an error, no value in the answer is
// the other organization's, and no count exceeds what the caller's own organization holds.
// The seed is printed; FUZZ_SEED=<seed> replays a run.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/auth/access.ts";
import { loadConfig } from "../../src/config/config.ts";
import { startGraphTenants, type GraphTenant, type GraphTenants } from "../support/graphTenants.ts";
import { leakedValues } from "../support/leakedValues.ts";

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const RUNS = 100;
const MAX_NESTING = 3;

let tenants: GraphTenants;
beforeAll(async () => {
  // The query limits are not under test here: a connection three relationships deep is 13 levels.
  const { queryLimits } = loadConfig({});
  tenants = await startGraphTenants({ config: { queryLimits: { ...queryLimits, maxDepth: 20, maxCost: 1e12 } } });
  console.log(`graph API property seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
});
afterAll(() => tenants?.close());

type Entity = "Brand" | "Asset" | "Template" | "Color";

interface Relation {
  readonly field: string;
  readonly target: Entity;
  /** Its relationship properties, asked on connection edges. */
  readonly edge: string[];
  /** Whether the source's where may filter by it (GraphColor's may not: see color.graphql). */
  readonly filterable: boolean;
}

const SCALARS: Record<Entity, string[]> = {
  Brand: ["brandId", "organizationId", "name", "feedbackCount", "createdAt"],
  Asset: ["assetId", "organizationId", "prompt", "status", "complianceScore"],
  Template: ["templateId", "organizationId", "name", "description"],
  Color: ["hex", "name"],
};

const RELATIONS: Record<Entity, Relation[]> = {
  Brand: [
    { field: "colors", target: "Color", edge: ["name", "usage", "usageWeight"], filterable: true },
    { field: "assets", target: "Asset", edge: [], filterable: true },
    { field: "templates", target: "Template", edge: [], filterable: true },
  ],
  Asset: [
    { field: "brand", target: "Brand", edge: [], filterable: true },
    { field: "colors", target: "Color", edge: ["coverage"], filterable: true },
    { field: "feedback", target: "Asset", edge: ["feedbackId", "action", "reason"], filterable: true },
  ],
  Template: [
    { field: "brand", target: "Brand", edge: [], filterable: true },
    { field: "basedOn", target: "Asset", edge: [], filterable: true },
  ],
  Color: [
    { field: "ownedBy", target: "Brand", edge: ["name", "usage"], filterable: false },
    { field: "usedIn", target: "Asset", edge: ["coverage"], filterable: false },
  ],
};

const ROOT_NAMES: Record<Entity, string> = { Brand: "graphBrands", Asset: "graphAssets", Template: "graphTemplates", Color: "graphColors" };

interface Selection {
  readonly entity: Entity;
  readonly scalars: string[];
  readonly relations: readonly RelationSelection[];
}
interface RelationSelection {
  readonly relation: Relation;
  readonly connection: boolean;
  readonly where: Where | null;
  readonly selection: Selection;
}
type Where = Record<string, unknown>;
interface GeneratedQuery {
  readonly caller: "own" | "foreign";
  readonly role: Role;
  readonly entity: Entity;
  readonly connection: boolean;
  readonly where: Where | null;
  readonly limit: number | null;
  readonly selection: Selection;
}

// Pools of both organizations' values (read when the property runs: the tenants exist by then).
const UNKNOWN_ID = "019abcde-0000-7000-8000-00000000dead";
const both = (pick: (t: GraphTenant) => string[]) => [...pick(tenants.own), ...pick(tenants.foreign), UNKNOWN_ID];
const hexPool = () => [...tenants.sharedHexes, tenants.own.onlyHex, tenants.foreign.onlyHex];
const idFilter = (field: string, ids: () => string[]) =>
  fc.oneof(
    fc.constantFrom(...ids()).map((id) => ({ [field]: { eq: id } })),
    fc.subarray(ids(), { minLength: 1 }).map((list) => ({ [field]: { in: list } })),
  );
const textFilter = (field: string, operator: "startsWith" | "contains") =>
  fc.constantFrom(tenants.own.prefix, tenants.foreign.prefix, "brand", "Teal").map((text) => ({ [field]: { [operator]: text } }));

function propertyFilters(entity: Entity): fc.Arbitrary<Where>[] {
  const organization = idFilter("organizationId", () => [tenants.own.organizationId, tenants.foreign.organizationId, UNKNOWN_ID]);
  switch (entity) {
    case "Brand":
      return [idFilter("brandId", () => both((t) => t.brandIds)), organization, textFilter("name", "startsWith")];
    case "Asset":
      return [idFilter("assetId", () => both((t) => t.assetIds)), organization, textFilter("prompt", "contains")];
    case "Template":
      return [idFilter("templateId", () => both((t) => t.templateIds)), organization, textFilter("name", "startsWith")];
    case "Color":
      return [idFilter("hex", hexPool), fc.constantFrom(...both((t) => t.paletteNames)).map((name) => ({ name: { eq: name } }))];
  }
}

/** A where of the entity: property filters, relationship filters `depth` deep, NOT and OR of them. */
function whereOf(entity: Entity, depth: number): fc.Arbitrary<Where> {
  const related = RELATIONS[entity]
    .filter((r) => r.filterable && depth > 0)
    .map((r) =>
      fc.tuple(fc.constantFrom("some", "none", "all", "single"), whereOf(r.target, depth - 1)).map(([quantifier, where]) => ({ [r.field]: { [quantifier]: where } })),
    );
  const one = fc.oneof(...propertyFilters(entity), ...related);
  if (depth === 0) return one;
  return fc.oneof({ arbitrary: one, weight: 3 }, one.map((w) => ({ NOT: w })), fc.tuple(one, one).map((ws) => ({ OR: ws })));
}

function selectionOf(entity: Entity, nesting: number): fc.Arbitrary<Selection> {
  const relations: fc.Arbitrary<readonly RelationSelection[]> =
    nesting >= MAX_NESTING
      ? fc.constant([])
      : fc.subarray(RELATIONS[entity], { maxLength: 2 }).chain((chosen) =>
          fc.tuple(
            ...chosen.map((relation) =>
              fc.record<RelationSelection>({
                relation: fc.constant(relation),
                connection: fc.boolean(),
                where: fc.option(whereOf(relation.target, 1), { nil: null }),
                selection: selectionOf(relation.target, nesting + 1),
              }),
            ),
          ),
        );
  return fc.record({ entity: fc.constant(entity), scalars: fc.subarray(SCALARS[entity], { minLength: 1 }), relations });
}

const queries = (): fc.Arbitrary<GeneratedQuery> =>
  fc.constantFrom<Entity>("Brand", "Asset", "Template", "Color").chain((entity) =>
    fc.record({
      caller: fc.constantFrom("own", "foreign"),
      role: fc.constantFrom<Role>("viewer", "editor", "admin"),
      entity: fc.constant(entity),
      connection: fc.boolean(),
      where: fc.option(whereOf(entity, 2), { nil: null }),
      limit: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
      selection: selectionOf(entity, 0),
    }),
  );

/** A GraphQL literal of a JSON value (input object fields unquoted). */
const literal = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(literal).join(", ")}]`
    : value && typeof value === "object"
      ? `{ ${Object.entries(value).map(([k, v]) => `${k}: ${literal(v)}`).join(", ")} }`
      : JSON.stringify(value);

function printSelection({ scalars, relations }: Selection): string {
  const printed = relations.map(({ relation, connection, where, selection }) => {
    if (!connection) return `${relation.field}${where ? `(where: ${literal(where)})` : ""} { ${printSelection(selection)} }`;
    const properties = relation.edge.length > 0 ? `properties { ${relation.edge.join(" ")} } ` : "";
    return `${relation.field}Connection${where ? `(where: { node: ${literal(where)} })` : ""} {
      totalCount edges { ${properties}node { ${printSelection(selection)} } } aggregate { count { nodes edges } } }`;
  });
  return [...scalars, ...printed].join(" ");
}

function printQuery(q: GeneratedQuery): string {
  // Colors are everyone's: a root over them is kept to this test's few, else it would list the whole graph's.
  const where = q.entity === "Color" ? { AND: [{ hex: { in: hexPool() } }, ...(q.where ? [q.where] : [])] } : q.where;
  const args = [where && `where: ${literal(where)}`, !q.connection && q.limit !== null && `limit: ${q.limit}`].filter(Boolean);
  const field = `${ROOT_NAMES[q.entity]}${q.connection ? "Connection" : ""}${args.length ? `(${args.join(", ")})` : ""}`;
  const body = q.connection ? `totalCount edges { node { ${printSelection(q.selection)} } } aggregate { count { nodes } }` : printSelection(q.selection);
  return `{ ${field} { ${body} } }`;
}

/** The most of each entity the caller's organization holds (colors: the test's, everyone's). */
const ownTotals = (caller: GraphTenant): Record<Entity, number> => ({
  Brand: caller.brandIds.length,
  Asset: caller.assetIds.length,
  Template: caller.templateIds.length,
  Color: hexPool().length,
});

/** Counts that exceed the caller's own totals, or disagree with the edges they count, by path. */
function countProblems(selection: Selection, nodes: any[], totals: Record<Entity, number>, path: string): string[] {
  const problems = nodes.length > totals[selection.entity] ? [`${path} lists ${nodes.length} ${selection.entity}s`] : [];
  for (const [i, node] of nodes.entries()) {
    for (const { relation, connection, selection: nested } of selection.relations) {
      const value = node[connection ? `${relation.field}Connection` : relation.field];
      const at = `${path}[${i}].${relation.field}${connection ? "Connection" : ""}`;
      if (!connection) {
        problems.push(...countProblems(nested, value, totals, at));
        continue;
      }
      const { totalCount, edges, aggregate } = value;
      if (totalCount !== edges.length || aggregate.count.edges !== totalCount) problems.push(`${at}: totalCount ${totalCount}, edges ${edges.length}, counted edges ${aggregate.count.edges}`);
      if (aggregate.count.nodes > totals[relation.target]) problems.push(`${at}: counts ${aggregate.count.nodes} ${relation.target}s`);
      problems.push(...countProblems(nested, edges.map((e: any) => e.node), totals, `${at}.edges`));
    }
  }
  return problems;
}

describe("any generated-API query of one organization's caller", () => {
  it("answers without an error, nothing of the other organization in it, no count beyond its own", async () => {
    await fc.assert(
      fc.asyncProperty(queries(), async (q) => {
        const [caller, other] = q.caller === "own" ? [tenants.own, tenants.foreign] : [tenants.foreign, tenants.own];
        const query = printQuery(q);
        const result = await tenants.graphql(q.role, query, {}, caller.organizationId);
        const root = ROOT_NAMES[q.entity] + (q.connection ? "Connection" : "");
        const answer = result.data?.[root];
        const totals = ownTotals(caller);
        const problems = [
          ...(result.errors ?? []).map((e: any) => `error: ${e.message}`),
          ...leakedValues(result.data, other),
          ...(answer === undefined || answer === null
            ? ["no answer"]
            : q.connection
              ? [
                  ...(answer.totalCount !== answer.edges.length || answer.aggregate.count.nodes !== answer.totalCount ? [`${root}: totalCount ${answer.totalCount}, edges ${answer.edges.length}`] : []),
                  ...countProblems(q.selection, answer.edges.map((e: any) => e.node), totals, `${root}.edges`),
                ]
              : countProblems(q.selection, answer, totals, root)),
        ];
        expect(problems, `${q.caller} ${q.role}: ${query}`).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // Every query is new text, which Neo4j plans afresh: a run takes tens of seconds.
  }, 300_000);
});

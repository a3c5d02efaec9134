// Two organizations' data written as the mutations write it and projected by the real projector
// (so Asset and Template nodes carry the organization the generated API filters on), behind a
// gateway with authentication on. Each organization names the same shared colors differently, and
// each has a color no one else uses.
import type { Role } from "../../src/auth/access.ts";
import { removeGraphSlice } from "./removeGraphSlice.ts";
import { newScope, syncedWrites, uniqueHex, type TestScope } from "./syncedWrites.ts";
import { tenancyHeaders, tenancyVerifier } from "./tenants.ts";
import { createTestDeps, startTestGateway, type TestDepsOptions, type TestGateway } from "./testDeps.ts";

export interface GraphTenant {
  /** Starts every name and prompt this organization wrote. */
  readonly prefix: string;
  readonly organizationId: string;
  /** Two brands: the first owns every shared color and onlyHex, the second the first shared color. */
  readonly brandIds: string[];
  /** The first brand's asset (shared colors, approve and reject feedback), the second brand's (first shared color and onlyHex). */
  readonly assetIds: string[];
  readonly feedbackIds: string[];
  /** The first brand's template based on its asset, the second brand's without a source. */
  readonly templateIds: string[];
  /** A color only this organization uses. */
  readonly onlyHex: string;
  /** Every palette name this organization gave. */
  readonly paletteNames: string[];
  /** Its own name for the first shared color: the smaller of its two brands' names for it. */
  readonly firstSharedName: string;
  /** Every id of this organization: the organization, brands, assets, feedback, templates. */
  readonly ids: Set<string>;
}

export interface GraphTenants {
  readonly gateway: TestGateway;
  readonly own: GraphTenant;
  readonly foreign: GraphTenant;
  /** Three colors both organizations use, ascending. */
  readonly sharedHexes: string[];
  /** POSTs to /graphql as a caller of this organization (own by default) with this role. */
  graphql(role: Role, query: string, variables?: Record<string, unknown>, organizationId?: string): Promise<{ data?: any; errors?: any[] }>;
  close(): Promise<void>;
}

export async function startGraphTenants(options: Pick<TestDepsOptions, "config"> = {}): Promise<GraphTenants> {
  const gateway = await startTestGateway(createTestDeps({ ...options, verifyToken: tenancyVerifier() }));
  const scope = newScope();
  const writes = syncedWrites(gateway.deps, scope, { waitForGraph: true });
  const sharedHexes = [uniqueHex(scope), uniqueHex(scope), uniqueHex(scope)].sort();

  async function tenant(prefix: string): Promise<GraphTenant> {
    const onlyHex = uniqueHex(scope);
    const organizationId = (await writes.createOrganization()).id;
    const names = [`${prefix} Teal`, `${prefix} Navy`, `${prefix} Sand`, `${prefix} Own`, `${prefix} Alpha Teal`];
    const first = await writes.createBrand({
      organizationId,
      name: `${prefix} brand 1`,
      colors: [...sharedHexes, onlyHex].map((hex, i) => ({ hex, name: names[i], usage: "primary", usageWeight: 0.5 })),
    });
    const second = await writes.createBrand({ organizationId, name: `${prefix} brand 2`, colors: [{ hex: sharedHexes[0]!, name: names[4], usageWeight: 1 }] });
    const firstAsset = await writes.createAsset({
      brandId: first.id,
      prompt: `${prefix} hero`,
      complianceScore: 0.9,
      colors: sharedHexes.map((hex) => ({ hex, coverage: 0.3 })),
    });
    const secondAsset = await writes.createAsset({ brandId: second.id, prompt: `${prefix} banner`, colors: [{ hex: sharedHexes[0]!, coverage: 0.5 }, { hex: onlyHex, coverage: 0.5 }] });
    const feedback = [
      await writes.recordFeedback({ assetId: firstAsset.id, action: "approve" }),
      await writes.recordFeedback({ assetId: firstAsset.id, action: "reject", reason: `${prefix} reason` }),
    ];
    const templates = [
      await writes.createTemplate({ brandId: first.id, name: `${prefix} template`, sourceAssetId: firstAsset.id }),
      await writes.createTemplate({ brandId: second.id, name: `${prefix} blank` }),
    ];
    const brandIds = [first.id, second.id];
    const assetIds = [firstAsset.id, secondAsset.id];
    const feedbackIds = feedback.map((f) => f.id);
    const templateIds = templates.map((t) => t.id);
    return {
      prefix,
      organizationId,
      brandIds,
      assetIds,
      feedbackIds,
      templateIds,
      onlyHex,
      paletteNames: names,
      firstSharedName: names[4]!,
      ids: new Set([organizationId, ...brandIds, ...assetIds, ...feedbackIds, ...templateIds]),
    };
  }

  const own = await tenant("Own");
  const foreign = await tenant("FOREIGN-SECRET");
  return {
    gateway,
    own,
    foreign,
    sharedHexes,
    async graphql(role, query, variables = {}, organizationId = own.organizationId) {
      return gateway.graphql(query, variables, await tenancyHeaders(role, organizationId));
    },
    async close() {
      await removeScope(gateway, scope, [own.organizationId, foreign.organizationId]);
      await gateway.close();
    },
  };
}

/** Deletes what this set wrote: its graph slice and its organizations' rows (cascading). */
async function removeScope(gateway: TestGateway, scope: TestScope, organizationIds: string[]) {
  const graph = gateway.deps.graph!;
  await removeGraphSlice(graph.driver, graph.database, scope);
  await gateway.deps.prisma.organization.deleteMany({ where: { id: { in: organizationIds } } });
}

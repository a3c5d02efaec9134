// A gateway with authentication on and two organizations' worth of data in Postgres and Neo4j:
// `own` (the caller's) and `foreign` (someone else's), each a brand sharing three colors with the
// other's, an asset of those colors with approve feedback, and a template based on the asset.
import { randomUUID } from "node:crypto";
import type { Role } from "../../src/auth/access.ts";
import { mintToken } from "../../src/auth/mintToken.ts";
import { createTokenVerifier } from "../../src/auth/tokenVerifier.ts";
import { graphFixtures, type GraphFixtures } from "./graphFixtures.ts";
import { createTestDeps, startTestGateway, type TestGateway } from "./testDeps.ts";

/** The tenancy tests' signing secret; a gateway process given it as AUTH_JWT_SECRET accepts their tokens. */
export const TENANCY_SECRET = "tenancy-test-secret-with-at-least-32-chars";
const SECRET = TENANCY_SECRET;

/** The verifier of the tenancy tests' gateways: tokens minted by tenancyHeaders pass it. */
export const tenancyVerifier = () => createTokenVerifier({ key: { kind: "secret", secret: SECRET }, issuer: undefined, audience: undefined });

/** Authorization header of a caller in this organization with this role. */
export async function tenancyHeaders(role: Role, organizationId: string): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await mintToken(SECRET, { organizationId, role })}` };
}

/** Authorization header of the platform operator (no organization). */
export async function operatorHeaders(): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await mintToken(SECRET, { platformOperator: true })}` };
}

export interface Tenant {
  readonly organizationId: string;
  readonly brand: { id: string; name: string };
  readonly assetId: string;
  readonly feedbackId: string;
  readonly templateId: string;
}

export interface Tenants {
  readonly gateway: TestGateway;
  readonly fixtures: GraphFixtures;
  readonly own: Tenant;
  readonly foreign: Tenant;
  /** The three colors both brands own (ascending). */
  readonly sharedHexes: string[];
  /** Authorization header of a caller in this organization with this role. */
  as(role: Role, organizationId?: string): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export async function startTenants(): Promise<Tenants> {
  const gateway = await startTestGateway(createTestDeps({ verifyToken: tenancyVerifier() }));
  const fixtures = graphFixtures(gateway.deps);
  const sharedHexes = fixtures.hexes(3).sort();
  const tenant = async (): Promise<Tenant> => {
    const organizationId = await fixtures.organization();
    const brand = await fixtures.brand(organizationId, sharedHexes.map((hex) => ({ hex, usageWeight: 0.3 })));
    const assetId = await fixtures.asset(brand.id, { colors: sharedHexes, complianceScore: 0.9, feedback: ["approve"] });
    const [feedback] = await gateway.deps.prisma.feedback.findMany({ where: { assetId } });
    const template = await gateway.deps.prisma.template.create({ data: { brandId: brand.id, name: `Template ${randomUUID()}`, sourceAssetId: assetId } });
    return { organizationId, brand: { id: brand.id, name: brand.name }, assetId, feedbackId: feedback!.id, templateId: template.id };
  };
  const own = await tenant();
  const foreign = await tenant();
  return {
    gateway,
    fixtures,
    own,
    foreign,
    sharedHexes,
    as: (role, organizationId = own.organizationId) => tenancyHeaders(role, organizationId),
    async close() {
      await fixtures.cleanup();
      await gateway.close();
    },
  };
}

/** Rows of these organizations and everything below them, outbox rows for their ids included. */
export async function countRows(tenants: Pick<Tenants, "gateway">, organizationIds: readonly string[]): Promise<Record<string, number>> {
  const prisma = tenants.gateway.deps.prisma;
  const underBrands = { brand: { organizationId: { in: [...organizationIds] } } };
  const brands = await prisma.brand.findMany({ where: { organizationId: { in: [...organizationIds] } }, select: { id: true } });
  const assets = await prisma.asset.findMany({ where: underBrands, select: { id: true } });
  const feedback = await prisma.feedback.findMany({ where: underBrands, select: { id: true } });
  const templates = await prisma.template.findMany({ where: underBrands, select: { id: true } });
  const ids = [...organizationIds, ...[brands, assets, feedback, templates].flat().map((row) => row.id)];
  return {
    organizations: await prisma.organization.count({ where: { id: { in: [...organizationIds] } } }),
    brands: brands.length,
    brandColors: await prisma.brandColor.count({ where: underBrands }),
    assets: assets.length,
    assetColors: await prisma.assetColor.count({ where: { asset: underBrands } }),
    feedback: feedback.length,
    templates: templates.length,
    syncEvents: await prisma.syncEvent.count({ where: { entityId: { in: ids } } }),
  };
}

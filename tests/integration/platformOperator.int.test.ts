// Platform operations belong to the platform operator, not to an organization: backfill, reconcile,
// the global sync status and creating organizations are FORBIDDEN to every role of every
// organization, and listing organizations shows a member its own one only. The operator runs them,
// through GraphQL and the backfill CLI, and reads or changes no organization's data.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows, operatorHeaders, startTenants, type Tenant, type Tenants } from "../support/tenants.ts";

const ROLES = ["viewer", "editor", "admin"] as const;
const SIDES = ["own", "foreign"] as const;
const CALLERS = SIDES.flatMap((side) => ROLES.map((role) => [side, role] as const));

let tenants: Tenants;
let operator: Record<string, string>;
beforeAll(async () => {
  tenants = await startTenants();
  operator = await operatorHeaders();
});
afterAll(() => tenants.close());

const tenantOf = (side: (typeof SIDES)[number]): Tenant => tenants[side];
const codesOf = (result: { errors?: { extensions: { code: string } }[] }) => result.errors?.map((e) => e.extensions.code);

/** The platform operations, each with the variables it needs. */
const PLATFORM_OPERATIONS: [string, string, (t: Tenant) => Record<string, unknown>][] = [
  ["syncStatus", `{ syncStatus { pendingEvents } }`, () => ({})],
  ["createOrganization", `mutation { createOrganization(input: { name: "Made by the platform" }) { id } }`, () => ({})],
  ["backfillGraph", `mutation ($o: [ID!]) { backfillGraph(dryRun: true, organizationIds: $o, maxBatches: 1) { runId } }`, (t) => ({ o: [t.organizationId] })],
  ["reconcileGraph", `mutation ($o: [ID!]) { reconcileGraph(dryRun: true, organizationIds: $o, maxBatches: 1) { runId } }`, (t) => ({ o: [t.organizationId] })],
];

describe.each(CALLERS)("the %s organization's %s", (side, role) => {
  it.each(PLATFORM_OPERATIONS.map(([name, query, vars]) => [name, query, vars] as const))("is refused %s: FORBIDDEN", async (_name, query, vars) => {
    const before = await tenants.gateway.deps.prisma.organization.count();
    const result = await tenants.gateway.graphql(query, vars(tenantOf(side)), await tenants.as(role, tenantOf(side).organizationId));
    expect(codesOf(result)).toEqual(["FORBIDDEN"]);
    expect(result.data).toBeNull();
    expect(await tenants.gateway.deps.prisma.organization.count()).toBe(before);
  });

  it("lists its own organization only", async () => {
    const result = await tenants.gateway.graphql(`{ organizations(first: 100) { edges { node { id } } } }`, {}, await tenants.as(role, tenantOf(side).organizationId));
    expect(result).toEqual({ data: { organizations: { edges: [{ node: { id: tenantOf(side).organizationId } }] } } });
  });
});

describe("the platform operator", () => {
  const ask = (query: string, variables: Record<string, unknown> = {}) => tenants.gateway.graphql(query, variables, operator);

  it("reads the global sync status", async () => {
    const result = await ask(`{ syncStatus { pendingEvents failedEvents } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.syncStatus.pendingEvents).toBeGreaterThanOrEqual(0);
  });

  it("lists every organization and reads each one's row", async () => {
    const listed = await ask(`{ organizations(first: 100) { edges { node { id } } } }`);
    const firstHundred = await tenants.gateway.deps.prisma.organization.findMany({ orderBy: { id: "asc" }, take: 100, select: { id: true } });
    expect(listed.data.organizations.edges.map((e: { node: { id: string } }) => e.node)).toEqual(firstHundred);
    const one = await ask(`query ($id: ID!) { organization(id: $id) { id name } }`, { id: tenants.foreign.organizationId });
    expect(one.errors).toBeUndefined();
    expect(one.data.organization.id).toBe(tenants.foreign.organizationId);
  });

  it("creates an organization, which its admin then controls alone", async () => {
    const created = await ask(`mutation { createOrganization(input: { name: "Platform-made" }) { id name } }`);
    expect(created.errors).toBeUndefined();
    const id = created.data.createOrganization.id;
    const removed = await tenants.gateway.graphql(`mutation ($id: ID!) { deleteOrganization(id: $id) }`, { id }, await tenants.as("admin", id));
    expect(removed).toEqual({ data: { deleteOrganization: true } });
  });

  it("runs a backfill and a reconcile of both organizations", async () => {
    const o = [tenants.own.organizationId, tenants.foreign.organizationId];
    const backfill = await ask(`mutation ($o: [ID!]) { backfillGraph(dryRun: true, organizationIds: $o) { finished entities { entity total } } }`, { o });
    const reconcile = await ask(`mutation ($o: [ID!]) { reconcileGraph(dryRun: true, organizationIds: $o) { finished entities { entity missing } } }`, { o });
    expect([backfill.errors, reconcile.errors]).toEqual([undefined, undefined]);
    expect(backfill.data.backfillGraph.finished).toBe(true);
    expect(backfill.data.backfillGraph.entities.find((e: { entity: string }) => e.entity === "brand").total).toBe(2);
    expect(reconcile.data.reconcileGraph.entities.find((e: { entity: string }) => e.entity === "brand").missing).toBe(0);
  });

  // What the operator may NOT do: read or change an organization's data, in any surface.
  it.each([
    ["brand", `query ($b: ID!) { brand(id: $b) { id } }`],
    ["brands", `{ brands { edges { node { id } } } }`],
    ["assets", `{ assets { edges { node { id } } } }`],
    ["templates", `{ templates { edges { node { id } } } }`],
    ["feedbackList", `{ feedbackList { edges { node { id } } } }`],
    ["color", `query ($hex: String!) { color(hex: $hex) { hex } }`],
    ["graphBrands", `{ graphBrands { brandId } }`],
    ["graphColors", `{ graphColors { hex } }`],
    ["brands", `query ($o: ID!) { organization(id: $o) { id brands { id } } }`],
  ])("does not read an organization's data: %s is FORBIDDEN", async (field, query) => {
    const result = await ask(query, { b: tenants.own.brand.id, hex: tenants.sharedHexes[0], o: tenants.own.organizationId });
    expect(result.errors?.map((e) => e.extensions)).toEqual([{ code: "FORBIDDEN", field }]);
    expect(JSON.stringify(result)).not.toContain(tenants.own.brand.id);
  });

  it("does not change an organization's data: renaming, deleting, writing brands are FORBIDDEN and nothing changes", async () => {
    const own = tenants.own;
    const before = await countRows(tenants, [own.organizationId]);
    const writes: [string, Record<string, unknown>][] = [
      [`mutation ($o: ID!) { updateOrganization(id: $o, input: { name: "x" }) { id } }`, { o: own.organizationId }],
      [`mutation ($o: ID!) { deleteOrganization(id: $o) }`, { o: own.organizationId }],
      [`mutation ($o: ID!) { createBrand(input: { organizationId: $o, name: "x" }) { id } }`, { o: own.organizationId }],
      [`mutation ($b: ID!) { deleteBrand(id: $b) }`, { b: own.brand.id }],
    ];
    for (const [mutation, variables] of writes) expect(codesOf(await ask(mutation, variables)), mutation).toEqual(["FORBIDDEN"]);
    expect(await countRows(tenants, [own.organizationId])).toEqual(before);
  });

  it("sets an organization's plan, and only its plan", async () => {
    const own = tenants.own;
    const setPlan = `mutation ($o: ID!, $plan: String!) { updateOrganization(id: $o, input: { plan: $plan }) { id plan } }`;
    const upgraded = await ask(setPlan, { o: own.organizationId, plan: "enterprise" });
    expect(upgraded).toEqual({ data: { updateOrganization: { id: own.organizationId, plan: "enterprise" } } });
    const renamedToo = await ask(`mutation ($o: ID!) { updateOrganization(id: $o, input: { plan: "free", name: "x" }) { id } }`, { o: own.organizationId });
    expect(codesOf(renamedToo)).toEqual(["FORBIDDEN"]);
    const reset = await ask(setPlan, { o: own.organizationId, plan: "free" });
    expect(reset.data?.updateOrganization.plan).toBe("free");
  });

  it.each(["graph", "similar"])("is refused GET /v1/brands/{id}/%s: 403", async (route) => {
    const res = await fetch(`${tenants.gateway.url}/v1/brands/${tenants.own.brand.id}/${route}`, { headers: operator });
    expect({ status: res.status, body: await res.json() }).toEqual({
      status: 403,
      body: { error: "FORBIDDEN", message: "A platform operator reads no organization's data" },
    });
  });
});

describe("the backfill CLI with MOBIUS_TOKEN", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  async function cli(token: string, ...args: string[]) {
    try {
      const { stdout, stderr } = await promisify(execFile)("node", ["--import", "tsx", "scripts/backfill.ts", ...args], {
        cwd: root,
        env: { ...process.env, MOBIUS_TOKEN: token },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      return error as { code: number; stdout: string; stderr: string };
    }
  }
  const bearer = (headers: Record<string, string>) => headers.authorization!.slice("Bearer ".length);

  it("runs with the platform operator's token and is refused with an organization admin's", async () => {
    const scope = ["--dry-run", "--url", `${tenants.gateway.url}/graphql`, "--organizations", tenants.own.organizationId];
    const asOperator = await cli(bearer(operator), ...scope);
    expect(asOperator.code, asOperator.stderr).toBe(0);
    expect(asOperator.stdout).toMatch(/^brand(\s+\d+){4}\s+1$/m);

    const asAdmin = await cli(bearer(await tenants.as("admin")), ...scope);
    expect(asAdmin.code).toBe(1);
    expect(asAdmin.stderr).toContain("FORBIDDEN: Only a platform operator may do this");
  });
});

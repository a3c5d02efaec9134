import { describe, expect, it } from "vitest";
import { Access, type Role } from "./access.ts";

const as = (role: Role) => Access.of({ subject: "s", organizationId: "org-a", role });
const operator = Access.of({ subject: "ops", platformOperator: true });
const codeOf = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    return (error as { extensions: { code: string } }).extensions.code;
  }
};

describe("Access", () => {
  it("confines a caller to its organization; unrestricted sees every one", () => {
    expect([as("admin").organizationScope, as("admin").canSee("org-a"), as("admin").canSee("org-b")]).toEqual(["org-a", true, false]);
    expect([Access.unrestricted().organizationScope, Access.unrestricted().canSee("org-b")]).toEqual([null, true]);
  });

  it("lets editors and admins write within their organization, and no viewer", () => {
    expect([as("editor").writeScope(), as("admin").writeScope(), Access.unrestricted().writeScope()]).toEqual(["org-a", "org-a", null]);
    expect(codeOf(() => as("viewer").writeScope())).toBe("FORBIDDEN");
  });

  it("keeps deleting an organization to its admins", () => {
    expect([codeOf(() => as("viewer").assertOrganizationAdmin()), codeOf(() => as("editor").assertOrganizationAdmin())]).toEqual(["FORBIDDEN", "FORBIDDEN"]);
    expect([as("admin").assertOrganizationAdmin(), Access.unrestricted().assertOrganizationAdmin()]).toEqual(["org-a", null]);
    expect(codeOf(() => operator.assertOrganizationAdmin())).toBe("FORBIDDEN");
  });

  it("keeps platform operations to the platform operator: no organization role may run them", () => {
    expect((["viewer", "editor", "admin"] as const).map((role) => codeOf(() => as(role).assertPlatformOperator()))).toEqual(["FORBIDDEN", "FORBIDDEN", "FORBIDDEN"]);
    expect([codeOf(() => operator.assertPlatformOperator()), codeOf(() => Access.unrestricted().assertPlatformOperator())]).toEqual([null, null]);
  });

  it("gives the platform operator every organization's row and no organization's data", () => {
    expect([operator.isPlatformOperator, operator.organizationRowsScope, operator.canSee("org-a")]).toEqual([true, null, false]);
    expect(operator.organizationScope).not.toBeNull();
    expect(codeOf(() => operator.writeScope())).toBe("FORBIDDEN");
    expect([as("admin").organizationRowsScope, as("admin").isPlatformOperator]).toEqual(["org-a", false]);
  });
});

import { describe, expect, it } from "vitest";
import { Access, type Role } from "./access.ts";

const as = (role: Role) => Access.of({ subject: "s", organizationId: "org-a", role });
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

  it("keeps admin operations to admins", () => {
    expect([codeOf(() => as("viewer").assertAdmin()), codeOf(() => as("editor").assertAdmin())]).toEqual(["FORBIDDEN", "FORBIDDEN"]);
    expect([codeOf(() => as("admin").assertAdmin()), codeOf(() => Access.unrestricted().assertAdmin())]).toEqual([null, null]);
  });
});

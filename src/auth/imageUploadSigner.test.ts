import { describe, expect, it } from "vitest";
import { Access } from "./access.ts";
import { createImageUploadSigner } from "./imageUploadSigner.ts";

const editor = Access.of({ organizationId: "org-1", role: "editor", subject: "ada" });
const queryOf = (url: string) => new URL(url, "http://gateway.local").searchParams;

describe("createImageUploadSigner", () => {
  const signer = createImageUploadSigner("a-signing-secret-of-at-least-32-characters");
  const url = signer.sign({ assetId: "asset-1", access: editor, expiresAt: 2_000 });

  it("signs a URL for the asset's image that stands for the same caller until it expires", () => {
    expect(url.startsWith("/v1/assets/asset-1/image?")).toBe(true);
    expect(signer.verify("asset-1", queryOf(url), 1_999).principal).toEqual(editor.principal);
  });

  it("refuses the URL once it has expired", () => {
    expect(() => signer.verify("asset-1", queryOf(url), 2_000)).toThrow(/expired/);
  });

  it("refuses the signature for another asset, and any altered field", () => {
    expect(() => signer.verify("asset-2", queryOf(url), 1_000)).toThrow(/signature does not match/);
    for (const [field, value] of [["org", "org-2"], ["role", "admin"], ["expires", "9999999999"], ["signature", "AAAA"]]) {
      const query = queryOf(url);
      query.set(field!, value!);
      expect(() => signer.verify("asset-1", query, 1_000), field).toThrow(/signature does not match/);
    }
  });

  it("refuses URLs signed with another key", () => {
    const other = createImageUploadSigner(undefined);
    expect(() => other.verify("asset-1", queryOf(url), 1_000)).toThrow(/signature does not match/);
  });

  it("keeps an unrestricted caller unrestricted", () => {
    const open = signer.sign({ assetId: "asset-1", access: Access.unrestricted(), expiresAt: 2_000 });
    expect(signer.verify("asset-1", queryOf(open), 1_000).organizationScope).toBeNull();
  });
});

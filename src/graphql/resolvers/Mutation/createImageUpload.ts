import type { MutationResolvers } from "../../../generated/graphql.ts";
import { assetStore } from "../../../stores/assetStore.ts";
import { requireFound } from "../../../stores/requireFound.ts";

export const createImageUpload: NonNullable<MutationResolvers["createImageUpload"]> = async (_, { assetId }, { deps, access }) => {
  const scope = access.writeScope();
  requireFound(await assetStore.findById(deps.prisma, assetId, scope), "Asset", assetId, "assetId");
  const { urlTtlSeconds, maxBytes } = deps.config.imageUpload;
  const expiresAt = Math.floor(Date.now() / 1000) + urlTtlSeconds;
  return {
    url: deps.uploadSigner.sign({ assetId, access, expiresAt }),
    method: "PUT",
    expiresAt: new Date(expiresAt * 1000),
    maxBytes,
  };
};

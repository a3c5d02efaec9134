import type { ColorOwnerResolvers } from "../../generated/graphql.ts";
import { asksOnlyBrandId, idOnlyBrand } from "../lookahead/brandIdsOnly.ts";
import { postgresBrand } from "./postgresBrand.ts";

export const ColorOwner: ColorOwnerResolvers = {
  brand: (owner, _args, { loaders }, info) =>
    asksOnlyBrandId(info.fieldNodes) ? idOnlyBrand(owner.brandId) : postgresBrand(owner.brandId, loaders.brandById),
};

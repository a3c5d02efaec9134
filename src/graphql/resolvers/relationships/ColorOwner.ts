import type { ColorOwnerResolvers } from "../../../generated/graphql.ts";
import { postgresBrand } from "./postgresBrand.ts";

export const ColorOwner: ColorOwnerResolvers = {
  brand: (owner, _args, { loaders }) => postgresBrand(owner.brandId, loaders.brandById),
};

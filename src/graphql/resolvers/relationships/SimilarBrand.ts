import type { SimilarBrandResolvers } from "../../../generated/graphql.ts";
import { postgresBrand } from "./postgresBrand.ts";

export const SimilarBrand: SimilarBrandResolvers = {
  brand: (match, _args, { loaders }) => postgresBrand(match.similarBrandId, loaders.anyBrandById),
};

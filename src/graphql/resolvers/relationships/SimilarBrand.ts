import type { SimilarBrandResolvers } from "../../../generated/graphql.ts";
import { postgresBrand } from "./postgresBrand.ts";

export const SimilarBrand: SimilarBrandResolvers = {
  brand: (match, _args, context) => postgresBrand(match.similarBrandId, context),
};

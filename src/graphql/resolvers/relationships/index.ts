// The graph half of the contract (schema/relationships.graphql): thin resolvers over src/graph/.
import type { Resolvers } from "../../../generated/graphql.ts";
import { Brand } from "./Brand.ts";
import { Color } from "./Color.ts";
import { ColorOwner } from "./ColorOwner.ts";
import { ColorPairing } from "./ColorPairing.ts";
import { Query } from "./Query.ts";
import { SimilarBrand } from "./SimilarBrand.ts";

export const relationshipResolvers: Resolvers = { Query, Brand, SimilarBrand, Color, ColorOwner, ColorPairing };

// Resolver types are generated from the SDL in schema/ (never edited by hand), so a resolver is
// typed `QueryResolvers["brand"]` and never restates its argument types.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "schema/*.graphql",
  generates: {
    "src/generated/graphql.ts": {
      plugins: ["typescript", "typescript-resolvers"],
      config: {
        useTypeImports: true,
        contextType: "../graphql/context.ts#GatewayContext",
        scalars: { DateTime: "Date | string", ID: "string" },
        enumsAsTypes: true,
        maybeValue: "T | null | undefined",
        inputMaybeValue: "T | null | undefined",
        useIndexSignature: false,
        // Parents as the stores return them: a Brand is its Prisma row; graph types are query rows.
        mappers: {
          Brand: "./prisma/client.ts#Brand as BrandRow",
          SimilarBrand: "../graph/queries/similarBrands.ts#SimilarBrandMatch",
          Color: "../graph/queries/colorByHex.ts#ColorNode",
          ColorOwner: "../graph/queries/brandsUsingColor.ts#ColorOwnerMatch",
          ColorPairing: "../graph/queries/colorPairings.ts#ColorPairingMatch",
        },
      },
    },
  },
  silent: true,
};

export default config;

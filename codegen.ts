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
        // Parents as the stores return them: Postgres types are Prisma rows, graph types query rows.
        mappers: {
          Organization: "./prisma/client.ts#Organization as OrganizationRow",
          Brand: "./prisma/client.ts#Brand as BrandRow",
          BrandColor: "./prisma/client.ts#BrandColor as BrandColorRow",
          Asset: "./prisma/client.ts#Asset as AssetRow",
          AssetColor: "./prisma/client.ts#AssetColor as AssetColorRow",
          Feedback: "./prisma/client.ts#Feedback as FeedbackRow",
          Template: "./prisma/client.ts#Template as TemplateRow",
          SimilarBrand: "../relationships/similarBrands.ts#SimilarBrandMatch",
          Color: "../relationships/colorByHex.ts#ColorNode",
          ColorOwner: "../relationships/brandsUsingColor.ts#ColorOwnerMatch",
          ColorPairing: "../relationships/colorPairings.ts#ColorPairingMatch",
          GraphChange: "../subscriptions/appliedEvents.ts#AppliedEvent",
          BrandChange: "../subscriptions/appliedEvents.ts#AppliedEvent",
        },
      },
    },
  },
  silent: true,
};

export default config;

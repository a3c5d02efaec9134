// Generated code, never edited by hand. Resolver types come from the SDL in schema/, so a resolver
// is typed `QueryResolvers["brand"]` and never restates its argument types. The pages' documents
// (web/) and the CLI's are typed by the client preset against the served contract
// (contract/schema.graphql), which also writes their trusted-documents manifest
// (web/generated/persisted-documents.json: sha256 hash → document, read by the gateway).
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  generates: {
    "web/generated/": {
      schema: "contract/schema.graphql",
      documents: ["web/**/*.ts", "web/**/*.tsx", "src/cli/operations.ts", "!web/generated/**"],
      preset: "client",
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: "sha256" } },
      config: { useTypeImports: true, enumsAsTypes: true, emitLegacyCommonJSImports: false, scalars: { DateTime: "string", ID: "string" } },
    },
    "src/generated/graphql.ts": {
      schema: "schema/*.graphql",
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
          ForeignBrand: "./prisma/client.ts#Brand as ForeignBrandRow",
          SimilarBrand: "../relationships/similarBrands.ts#SimilarBrandMatch",
          Color: "../relationships/colorByHex.ts#ColorNode",
          ColorOwner: "../relationships/brandsUsingColor.ts#ColorOwnerMatch",
          ColorPairing: "../relationships/colorPairings.ts#ColorPairingMatch",
          IndustryInsights: "../patterns/industryReads.ts#IndustryParent",
          GraphChange: "../subscriptions/appliedEvents.ts#AppliedEvent",
          BrandChange: "../subscriptions/appliedEvents.ts#AppliedEvent",
        },
      },
    },
  },
  silent: true,
};

export default config;

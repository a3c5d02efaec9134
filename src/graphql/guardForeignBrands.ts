// similarBrands crosses organizations by design, so a Brand object may belong to another
// organization. Of such a brand a caller learns its id and name (and, on SimilarBrand, the shared
// colors and the score) — nothing else: every other Brand field answers FORBIDDEN naming itself.
// Wrapping the schema's Brand fields in one place keeps every present and future field covered.
import { MapperKind, mapSchema } from "@graphql-tools/utils";
import { defaultFieldResolver, type GraphQLSchema } from "graphql";
import { ErrorCode, GatewayError } from "../errors/codes.ts";
import type { GatewayContext } from "./context.ts";

const PUBLIC_BRAND_FIELDS = new Set(["id", "name", "__typename"]);

export function guardForeignBrands(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => {
      if (typeName !== "Brand" || PUBLIC_BRAND_FIELDS.has(fieldName)) return field;
      const resolve = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        resolve(brand: { id: string; organizationId: string }, args, context: GatewayContext, info) {
          if (!context.access.canSee(brand.organizationId)) {
            throw new GatewayError(ErrorCode.Forbidden, `Brand ${brand.id} belongs to another organization: only its id and name are visible`, {
              field: fieldName,
            });
          }
          return resolve(brand, args, context, info);
        },
      };
    },
  });
}

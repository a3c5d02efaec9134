// The platform operator runs the platform and reads no organization's data. It may ask for these
// fields and no others; any other root field (the generated graph* API included) and an
// organization's brands answer FORBIDDEN naming the field. Wrapping the schema in one place keeps
// every present and future field refused unless listed here. Stores would find nothing anyway: the
// operator's organizationScope matches no organization (access.ts).
import { MapperKind, mapSchema } from "@graphql-tools/utils";
import { defaultFieldResolver, type GraphQLSchema } from "graphql";
import { ErrorCode, GatewayError } from "../errors/codes.ts";
import type { GatewayContext } from "./context.ts";

const OPERATOR_FIELDS: Readonly<Record<string, ReadonlySet<string>>> = {
  Query: new Set(["health", "graphHealth", "syncStatus", "organizations", "organization"]),
  // updateOrganization for the plan only (the resolver refuses the operator anything else).
  Mutation: new Set(["createOrganization", "updateOrganization", "backfillGraph", "reconcileGraph"]),
  Organization: new Set(["id", "name", "plan", "createdAt", "updatedAt"]),
};

export function guardPlatformOperator(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => {
      const allowed = OPERATOR_FIELDS[typeName];
      if (!allowed || allowed.has(fieldName)) return field;
      const resolve = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        resolve(source, args, context: GatewayContext, info) {
          if (context.access.isPlatformOperator) {
            throw new GatewayError(ErrorCode.Forbidden, "A platform operator reads and changes no organization's data", { field: fieldName });
          }
          return resolve(source, args, context, info);
        },
      };
    },
  });
}

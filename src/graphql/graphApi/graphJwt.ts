import type { Neo4jGraphQLContext } from "@neo4j/graphql";
import type { Access } from "../../auth/access.ts";

/**
 * The claims @neo4j/graphql evaluates the tenant rules and GraphColor.name on
 * (schema/graph/jwt.graphql), built from the token the gateway verified (src/auth/), never passed
 * through from the raw payload: a client cannot add a claim. A caller scoped to no organization
 * (authentication off) sees them all.
 */
export function graphJwt(access: Access): NonNullable<Neo4jGraphQLContext["jwt"]> {
  const principal = access.principal;
  if (!principal || access.organizationScope === null) return { everyOrganization: true };
  return { sub: principal.subject, org: principal.organizationId, role: principal.role };
}

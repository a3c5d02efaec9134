import type { Neo4jGraphQLContext } from "@neo4j/graphql";
import type { Access } from "../../auth/access.ts";

/**
 * The claims @neo4j/graphql evaluates the tenant rules and GraphColor.name on
 * (schema/graph/jwt.graphql), built from the token the gateway verified (src/auth/), never passed
 * through from the raw payload: a client cannot add a claim. A caller scoped to no organization
 * (authentication off) sees them all; any other caller, the platform operator included, is held to
 * its organizationScope (the operator's matches no organization).
 */
export function graphJwt(access: Access): NonNullable<Neo4jGraphQLContext["jwt"]> {
  const org = access.organizationScope;
  if (org === null) return { everyOrganization: true };
  const principal = access.principal;
  return { sub: principal?.subject, org, role: principal?.role };
}

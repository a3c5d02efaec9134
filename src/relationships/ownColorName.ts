// A palette name is tenant data: organizations name the same hex differently, and one's names are
// not another's to read. So a color's name is always the caller's own: the smallest name its
// organization's brands give the hex (on their OWNS_COLOR), or null; with `$organizationId` null
// (authentication off) the smallest any brand gives it. The generated API's GraphColor.name applies
// the same rule to the claims it is given (schema/graph/color.graphql).
//
// A caller's names start from its own brands (the organization_id index), each checked for the
// color among its few palette edges: walking the color's namers instead would read every owner of
// white, half of all brands, to keep the caller's ten. So each statement naming colors comes in two
// scopes, and the caller's organizationId picks one.
import { graphStatement, type GraphStatement } from "../graph/graphStatement.ts";

export type NamingScope = "organization" | "everyone";

/** A CALL clause binding `as` to the caller's name for the Color bound to `color`; one row always. */
export function ownColorName(color: string, as: string, scope: NamingScope): string {
  const namers =
    scope === "organization"
      ? `MATCH (namer:Brand {organization_id: $organizationId}) USING INDEX namer:Brand(organization_id)
    MATCH (namer)-[named:OWNS_COLOR]->(${color})`
      : `MATCH (${color})<-[named:OWNS_COLOR]-(:Brand)`;
  return `CALL (${color}) {
    ${namers}
    RETURN min(named.name) AS ${as}
  }`;
}

export interface NamedStatements {
  readonly organization: GraphStatement;
  readonly everyone: GraphStatement;
}

/** One statement in both naming scopes; the organization's is named as organizationBrandsUsingColor is. */
export function namingStatements(name: string, text: (scope: NamingScope) => string): NamedStatements {
  const organizationName = `organization${name[0]!.toUpperCase()}${name.slice(1)}`;
  return { organization: graphStatement(organizationName, text("organization")), everyone: graphStatement(name, text("everyone")) };
}

/** The statement naming colors as `organizationId` does (null: authentication off, every organization). */
export const namedFor = (statements: NamedStatements, organizationId: string | null): GraphStatement =>
  organizationId === null ? statements.everyone : statements.organization;

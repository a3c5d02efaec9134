// A palette name is tenant data: organizations name the same hex differently, and one's names are
// not another's to read. So a color's name is always the caller's own: the smallest name its
// organization's brands give the hex (on their OWNS_COLOR), or null; with `$organizationId` null
// (authentication off) the smallest any brand gives it. The generated API's GraphColor.name applies
// the same rule to the claims it is given (schema/graph/color.graphql).

/** A CALL clause binding `as` to the caller's name for the Color bound to `color`; one row always. */
export function ownColorName(color: string, as: string): string {
  return `CALL (${color}) {
    MATCH (${color})<-[named:OWNS_COLOR]-(namer:Brand)
    WHERE $organizationId IS NULL OR namer.organization_id = $organizationId
    RETURN min(named.name) AS ${as}
  }`;
}

// Tenancy as Prisma filters. A scope is the one organization a caller may see (Access's
// organizationScope), or null for every organization (authentication off). Stores AND these into
// their lookups, so a foreign row is simply not found, the same as a missing one.
export type OrganizationScope = string | null;

/** The same rule for a row already read: whether a caller with this scope may see it. */
export const inScope = (scope: OrganizationScope, organizationId: string) => scope === null || organizationId === scope;

/** Rows of the organizations table itself. */
export const organizationsIn = (scope: OrganizationScope) => (scope === null ? {} : { id: scope });

/** Brands. */
export const brandsIn = (scope: OrganizationScope) => (scope === null ? {} : { organizationId: scope });

/** Assets, feedback and templates: whatever hangs under a brand. */
export const underBrandsIn = (scope: OrganizationScope) => (scope === null ? {} : { brand: { organizationId: scope } });

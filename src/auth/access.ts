// Who the caller is and what it may touch. Every tenancy decision goes through here, so the
// Postgres resolvers, the graph fields and the REST routes cannot disagree.
//
// Two kinds of callers: a member of one organization (viewer, editor, admin), who sees and changes
// that organization only, and the platform operator, who runs the platform (backfill, reconcile,
// the sync status, creating and listing organizations) and reads no organization's data.
import { ErrorCode, GatewayError } from "../errors/codes.ts";
import { inScope, type OrganizationScope } from "../stores/scope.ts";

/** The roles within one organization. */
export const ROLES = ["viewer", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** The `role` claim of a platform operator's token; such a token carries no `org`. */
export const PLATFORM_OPERATOR_ROLE = "platform_operator";

/** A member of one organization. */
export interface Principal {
  readonly subject: string;
  readonly organizationId: string;
  readonly role: Role;
}

/** The platform operator: no organization, no organization role. */
export interface PlatformOperator {
  readonly subject: string;
  readonly platformOperator: true;
}

export type Credential = Principal | PlatformOperator;

export const isPlatformOperator = (credential: Credential): credential is PlatformOperator => "platformOperator" in credential;

/**
 * The scope of tenant data for a platform operator: an organization id no organization has (ids are
 * UUIDs), so a read that reaches a store despite the operator guard finds nothing.
 */
const NO_ORGANIZATION = "platform-operator:no-organization";

export class Access {
  private constructor(
    readonly principal: Principal | null,
    private readonly operator: PlatformOperator | null,
  ) {}

  /** Authentication is off (tests, or a trusted local setup): every organization, every action. */
  static unrestricted(): Access {
    return new Access(null, null);
  }

  static of(credential: Credential): Access {
    return isPlatformOperator(credential) ? new Access(null, credential) : new Access(credential, null);
  }

  get isPlatformOperator(): boolean {
    return this.operator !== null;
  }

  /** The one organization whose data the caller may see, or null when it may see all. */
  get organizationScope(): OrganizationScope {
    if (this.operator) return NO_ORGANIZATION;
    return this.principal?.organizationId ?? null;
  }

  /** The rows of the organizations table the caller may read: the operator lists them all. */
  get organizationRowsScope(): OrganizationScope {
    return this.operator ? null : this.organizationScope;
  }

  canSee(organizationId: string): boolean {
    return inScope(this.organizationScope, organizationId);
  }

  /**
   * Editors and admins change their own organization's data; viewers and the platform operator
   * change none (FORBIDDEN). Returns the organization this caller's writes are confined to (null:
   * any). Stores look entities up within it, so another organization's entity is NOT_FOUND, exactly
   * like one that does not exist: a write never reveals that a foreign id is real.
   */
  writeScope(): OrganizationScope {
    if (this.operator) throw new GatewayError(ErrorCode.Forbidden, "A platform operator does not change an organization's data");
    if (this.principal?.role === "viewer") {
      throw new GatewayError(ErrorCode.Forbidden, "A viewer cannot change data");
    }
    return this.organizationScope;
  }

  /**
   * What only the platform may decide for an organization (its plan): no organization token may,
   * whatever its role, or any admin could buy itself enterprise. With authentication off, allowed.
   */
  assertPlatform(field: string): void {
    if (this.principal !== null) {
      throw new GatewayError(ErrorCode.Forbidden, `${field}: only the platform operator may set an organization's plan`, { field });
    }
  }

  /** Deleting one's own organization: its admin's control. Returns the organization it is confined to. */
  assertOrganizationAdmin(): OrganizationScope {
    if (this.operator || (this.principal !== null && this.principal.role !== "admin")) {
      throw new GatewayError(ErrorCode.Forbidden, "Only an admin of the organization may do this");
    }
    return this.organizationScope;
  }

  /** Backfill, reconcile, the global sync status, creating organizations. */
  assertPlatformOperator(): void {
    if (this.principal !== null) {
      throw new GatewayError(ErrorCode.Forbidden, "Only a platform operator may do this (an organization's token cannot)");
    }
  }
}

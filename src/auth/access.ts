// Who the caller is and what it may touch. Every tenancy decision goes through here, so the
// Postgres resolvers, the graph fields and the REST routes cannot disagree.
import { ErrorCode, GatewayError } from "../errors/codes.ts";
import { inScope } from "../stores/scope.ts";

export const ROLES = ["viewer", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  readonly subject: string;
  readonly organizationId: string;
  readonly role: Role;
}

export class Access {
  private constructor(readonly principal: Principal | null) {}

  /** Authentication is off (tests, or a trusted local setup): every organization, every action. */
  static unrestricted(): Access {
    return new Access(null);
  }

  static of(principal: Principal): Access {
    return new Access(principal);
  }

  /** The one organization the caller may see, or null when it may see all. */
  get organizationScope(): string | null {
    return this.principal?.organizationId ?? null;
  }

  canSee(organizationId: string): boolean {
    return inScope(this.organizationScope, organizationId);
  }

  /**
   * Editors and admins change their own organization's data; viewers change nothing (FORBIDDEN).
   * Returns the organization this caller's writes are confined to (null: any).
   * Stores look entities up within it, so another organization's entity is NOT_FOUND, exactly
   * like one that does not exist: a write never reveals that a foreign id is real.
   */
  writeScope(): string | null {
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
      throw new GatewayError(ErrorCode.Forbidden, `${field}: only the platform operator may change an organization's plan`, { field });
    }
  }

  /** Backfill, reconcile, sync status and creating or deleting organizations. */
  assertAdmin(): void {
    if (this.principal !== null && this.principal.role !== "admin") {
      throw new GatewayError(ErrorCode.Forbidden, "Only an admin may do this");
    }
  }
}

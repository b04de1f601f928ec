// The person acting on a request, with the roles their memberships give them.
import type { Role } from '../db/index.ts';

export interface Membership {
  tenantId: string;
  role: Role;
}

export interface Actor {
  userId: string;
  name: string;
  email: string;
  locale: string | null;
  memberships: Membership[];
}

/** A tenant as permission checks see it: itself and every tenant above it. */
export interface TenantScope {
  id: string;
  /** Ancestors from the parent up to the root. */
  ancestorIds: readonly string[];
}

/**
 * Whether the actor holds one of the roles in this tenant. A membership in an ancestor counts
 * too (a country moderator moderates the country's cities), never one in a sibling.
 */
export function hasRole(actor: Actor | null, tenant: TenantScope, roles: readonly Role[]): boolean {
  if (!actor) return false;
  return actor.memberships.some(
    (m) => roles.includes(m.role) && (m.tenantId === tenant.id || tenant.ancestorIds.includes(m.tenantId)),
  );
}

export function isPlatformAdmin(actor: Actor | null): boolean {
  return !!actor?.memberships.some((m) => m.role === 'platform-admin');
}

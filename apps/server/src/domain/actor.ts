import { ROLE_SCOPES, type Role, type Scope } from '@smartsteps/contracts'

import { forbidden } from './errors.js'

/** How the actor authenticated: a Smart Steps session, an API key, an external provider's token. */
export type CredentialKind = 'session_token' | 'api_key' | 'oauth_token'

/** Who is making a request, as established by authentication. */
export interface Actor {
  userId: string
  username: string
  role: Role
  /** What this credential may do: the role's scopes, narrowed by an API key's own. */
  scopes: ReadonlySet<Scope>
  credential: { kind: CredentialKind; id: string | null }
}

export function scopesOf(role: Role, narrowedTo?: readonly Scope[]): ReadonlySet<Scope> {
  const granted = new Set<Scope>(ROLE_SCOPES[role])

  if (!narrowedTo) {
    return granted
  }

  return new Set(narrowedTo.filter((scope) => granted.has(scope)))
}

export function requireScope(actor: Actor, scope: Scope): void {
  if (!actor.scopes.has(scope)) {
    throw forbidden(`This credential lacks the ${scope} scope`)
  }
}

/** Roles that see every client and session rather than only their own. */
const SEES_EVERYTHING = new Set<Role>(['admin', 'supervisor'])

/**
 * Facilitators see only what they created; admins and supervisors see everything. A record the
 * actor may not see is reported as not found, so its existence is not disclosed.
 */
export function canSee(actor: Actor, record: { created_by: string }): boolean {
  return SEES_EVERYTHING.has(actor.role) || record.created_by === actor.userId
}

/** The owner filter for listings: undefined means no filter. */
export function ownerFilter(actor: Actor): string | undefined {
  return SEES_EVERYTHING.has(actor.role) ? undefined : actor.userId
}

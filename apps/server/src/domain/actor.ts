import type { Role } from '@smartsteps/contracts'

/** Who is making a request, as established by authentication. */
export interface Actor {
  userId: string
  username: string
  role: Role
}

/**
 * Facilitators see only what they created; admins see everything. A record the actor may not
 * see is reported as not found, so its existence is not disclosed.
 */
export function canSee(actor: Actor, record: { created_by: string }): boolean {
  return actor.role === 'admin' || record.created_by === actor.userId
}

/** The owner filter for listings: undefined means no filter. */
export function ownerFilter(actor: Actor): string | undefined {
  return actor.role === 'admin' ? undefined : actor.userId
}

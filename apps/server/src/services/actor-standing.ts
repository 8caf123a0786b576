import { type Actor, scopesOf } from '../domain/actor.js'
import type { Storage } from '../ports/storage.js'

/**
 * What a credential checked once still allows now. A WebSocket authenticates at the upgrade and
 * may stay open for the token's whole life: before each frame, and periodically, it asks here,
 * so a logout, a deactivation, a revoked key or a smaller role takes effect on open sockets too.
 */
export function createActorStanding(storage: Storage) {
  async function credentialStillWorks(actor: Actor, now: number): Promise<boolean> {
    const { kind, id } = actor.credential

    if (kind === 'session_token' && id) {
      return !(await storage.refreshTokens.isFamilyRevoked(id))
    }

    if (kind === 'api_key') {
      const key = id ? await storage.apiKeys.get(id) : null

      return Boolean(
        key && !key.revoked_at && !(key.expires_at && Date.parse(key.expires_at) <= now),
      )
    }

    return true
  }

  /**
   * The actor with the role its user holds now and its scopes narrowed to that role, or null
   * when the user is gone or inactive or the credential has been ended. Scopes never grow here:
   * a promotion shows on the next connection.
   */
  async function current(actor: Actor, now = Date.now()): Promise<Actor | null> {
    const user = await storage.users.get(actor.userId)

    if (!user || !user.active || !(await credentialStillWorks(actor, now))) {
      return null
    }

    const allowed = scopesOf(user.role)

    return {
      ...actor,
      role: user.role,
      scopes: new Set([...actor.scopes].filter((scope) => allowed.has(scope))),
    }
  }

  return { current }
}

export type ActorStanding = ReturnType<typeof createActorStanding>

import { type Actor, scopesOf } from '../domain/actor.js'
import type { Storage } from '../ports/storage.js'

/**
 * What a credential checked once still allows now. A WebSocket authenticates at the upgrade and
 * may stay open for the token's whole life: before each frame, and periodically, it asks here,
 * so a logout, a deactivation, a revoked key or a smaller role takes effect on open sockets too.
 */
export function createActorStanding(
  storage: Storage,
  /** The API key authenticator's own test of a key that still works (ignoring IP and signature). */
  isKeyUsable: (keyId: string) => Promise<boolean>,
) {
  async function credentialStillWorks(actor: Actor): Promise<boolean> {
    const { kind, id } = actor.credential

    if (kind === 'session_token' && id) {
      return !(await storage.refreshTokens.isFamilyRevoked(id))
    }

    if (kind === 'api_key') {
      return id !== null && (await isKeyUsable(id))
    }

    return true
  }

  /**
   * The actor with the role its user holds now and its scopes narrowed to that role, or null
   * when the user is gone or inactive or the credential has been ended. Scopes never grow here:
   * a promotion shows on the next connection.
   */
  async function current(actor: Actor): Promise<Actor | null> {
    const user = await storage.users.get(actor.userId)

    if (!user || !user.active || !(await credentialStillWorks(actor))) {
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

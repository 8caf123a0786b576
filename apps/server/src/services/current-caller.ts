import type { CurrentCaller } from '@smartsteps/contracts'

import type { Actor } from '../domain/actor.js'
import { unauthenticated } from '../domain/errors.js'
import type { Storage } from '../ports/storage.js'

/**
 * Who the request's credential speaks for, as GET /api/v1/auth/me tells it. The scopes are the
 * credential's effective ones (an API key's narrowed set), so a client can check before calling.
 */
export async function describeCaller(
  storage: Storage,
  actor: Actor,
  credentialExpiresAt: number,
): Promise<CurrentCaller> {
  const user = await storage.users.get(actor.userId)

  // Authentication just found the account active; it can only have gone in the meantime.
  if (!user?.active) {
    throw unauthenticated('account_inactive', 'The account behind this credential is not active')
  }

  const { kind, id } = actor.credential

  return {
    user_id: user.user_id,
    username: user.username,
    email: user.email,
    role: user.role,
    scopes: [...actor.scopes],
    credential: { kind, ...(kind === 'api_key' && id ? { key_id: id } : {}) },
    expires_at: Number.isFinite(credentialExpiresAt)
      ? new Date(credentialExpiresAt).toISOString()
      : null,
  }
}

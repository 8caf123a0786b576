import type { ChangePasswordRequest } from '@smartsteps/contracts'

import type { Actor } from '../domain/actor.js'
import { conflict, forbidden, unauthenticated } from '../domain/errors.js'
import type { Storage } from '../ports/storage.js'
import type { LoginLockout } from './login-lockout.js'
import { checkNewPassword } from './password-policy.js'
import { hashPassword, verifyPassword } from './passwords.js'
import type { IssuedTokens, TokenService } from './token-service.js'

/**
 * Changing one's own password. It ends every login of the account, this one included (a
 * password is changed when it may have leaked), and answers with a fresh login for the caller.
 */
export function createPasswordService(
  storage: Storage,
  tokens: TokenService,
  lockout: LoginLockout,
) {
  async function change(actor: Actor, request: ChangePasswordRequest): Promise<IssuedTokens> {
    // An API key or an external token proves less than the person's own session does.
    if (actor.credential.kind !== 'session_token') {
      throw forbidden('Change your password with a session from /api/v1/auth/login')
    }

    const user = await storage.users.get(actor.userId)

    if (!user?.active) {
      throw unauthenticated('account_inactive', 'The account is not active')
    }

    const currentHash = user.password_hash

    if (!currentHash) {
      throw conflict('This account signs in through the external identity provider')
    }

    checkNewPassword(request.new_password, user.username, 'new_password')

    // Counted like sign-ins, so a stolen access token cannot guess the password at leisure.
    await lockout.attempt(user.username, async () => {
      if (!(await verifyPassword(request.current_password, currentHash))) {
        throw forbidden('The current password is not right')
      }
    })

    const now = new Date().toISOString()
    const updated = await storage.users.update(user.user_id, {
      password_hash: await hashPassword(request.new_password),
      updated_at: now,
    })

    if (!updated.ok) {
      throw unauthenticated('account_inactive', 'The account is not active')
    }

    await tokens.revokeAll(user.user_id)
    await storage.passwordResets.revokeForUser(user.user_id, now)

    return tokens.issue(updated.user)
  }

  return { change }
}

export type PasswordService = ReturnType<typeof createPasswordService>

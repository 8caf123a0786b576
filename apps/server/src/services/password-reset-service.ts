import { createHash, randomBytes } from 'node:crypto'

import type { PasswordResetConfirmRequest, PasswordResetRequest } from '@smartsteps/contracts'

import { unauthenticated } from '../domain/errors.js'
import type { Logger } from '../logger.js'
import type { Notifier } from '../ports/notifier.js'
import type { Storage, UserRecord } from '../ports/storage.js'
import type { LoginLockout } from './login-lockout.js'
import { checkNewPassword } from './password-policy.js'
import { hashPassword } from './passwords.js'
import type { TokenService } from './token-service.js'

export interface PasswordResetSettings {
  tokenTtlSeconds: number
  /** The reset page; the link is this with `#token=...`, so the token stays out of server logs. */
  linkUrl: string | undefined
}

const TOKEN_PREFIX = 'rst_'

/** Resolves in a later turn of the event loop, after the current request is answered. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}

/**
 * Password reset by a single-use token sent through the notifier. Only the token's hash is
 * stored; a new request supersedes the account's earlier tokens, and using one ends every
 * login of the account.
 *
 * `request` touches nothing: the lookup, the token and the delivery wait until the caller says
 * the answer has been sent, and then run one request at a time. The store answers
 * synchronously, so work merely chained on a promise would run before the answer is written and
 * make answers for existing accounts slower. Neither the answer nor its timing tells whether the
 * account exists.
 */
export function createPasswordResetService(deps: {
  storage: Storage
  notifier: Notifier
  tokens: TokenService
  lockout: LoginLockout
  logger: Logger
  settings: PasswordResetSettings
}) {
  const { storage, notifier, tokens, lockout, logger, settings } = deps
  const pending = new Set<Promise<void>>()
  /** The last reset queued: each waits for the one before, so a burst costs one at a time. */
  let queueTail: Promise<void> = Promise.resolve()

  function oneAtATime(task: () => Promise<void>): Promise<void> {
    const run = queueTail.then(task)
    queueTail = run.catch(() => undefined)
    return run
  }

  async function findAccount(request: PasswordResetRequest): Promise<UserRecord | null> {
    const user = request.email
      ? await storage.users.getByEmail(request.email.toLowerCase())
      : await storage.users.getByUsername((request.username ?? '').toLowerCase())

    // External accounts have no password here to reset; inactive ones may not sign in at all.
    return user?.active && user.password_hash ? user : null
  }

  async function issue(request: PasswordResetRequest): Promise<void> {
    const user = await findAccount(request)

    if (!user) {
      return
    }

    const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`
    const now = Date.now()
    const expiresAt = new Date(now + settings.tokenTtlSeconds * 1000).toISOString()

    await storage.passwordResets.revokeForUser(user.user_id, new Date(now).toISOString())
    await storage.passwordResets.create({
      token_hash: sha256(token),
      user_id: user.user_id,
      created_at: new Date(now).toISOString(),
      expires_at: expiresAt,
      used_at: null,
    })
    await notifier.sendPasswordReset({
      user_id: user.user_id,
      username: user.username,
      email: user.email,
      token,
      link: settings.linkUrl ? `${settings.linkUrl}#token=${token}` : null,
      expires_at: expiresAt,
    })

    logger.info({ notifier: notifier.name }, 'password reset requested')
  }

  /**
   * Returns at once, having touched nothing, whether or not the account exists; the reset starts
   * once `answered` resolves (by default, in the next turn of the event loop). Each request
   * waits for its own answer only, so a stalled connection holds up no one else's reset.
   * Failures are logged, never shown to the caller.
   */
  function request(body: PasswordResetRequest, answered: Promise<void> = nextTurn()): void {
    const task = answered
      .then(() => oneAtATime(() => issue(body)))
      .catch((error: unknown) => logger.error({ err: error }, 'password reset failed'))
      .finally(() => pending.delete(task))

    pending.add(task)
  }

  /** Resolves when every reset requested so far is delivered or has failed (shutdown, tests). */
  async function settled(): Promise<void> {
    await Promise.all([...pending])
  }

  async function usableToken(token: string) {
    const record = await storage.passwordResets.getByHash(sha256(token))

    if (!record) {
      throw unauthenticated(
        'reset_token_invalid',
        'Unknown password reset token; request a new link',
      )
    }

    if (record.used_at) {
      throw unauthenticated(
        'reset_token_invalid',
        'This password reset link was already used or replaced by a newer one',
      )
    }

    if (Date.parse(record.expires_at) <= Date.now()) {
      throw unauthenticated(
        'reset_token_invalid',
        'This password reset link has expired; request a new one',
      )
    }

    const user = await storage.users.get(record.user_id)

    if (!user?.active || !user.password_hash) {
      throw unauthenticated(
        'reset_token_invalid',
        'Unknown password reset token; request a new link',
      )
    }

    return { record, user }
  }

  /**
   * Sets the new password if the token is known, unused and unexpired. The policy is checked
   * before the token is spent, so a rejected password leaves the link usable.
   */
  async function confirm(body: PasswordResetConfirmRequest): Promise<void> {
    const { record, user } = await usableToken(body.token)

    checkNewPassword(body.new_password, user.username, 'new_password')

    const passwordHash = await hashPassword(body.new_password)
    const now = new Date().toISOString()

    if (!(await storage.passwordResets.consume(record.token_hash, now))) {
      throw unauthenticated(
        'reset_token_invalid',
        'This password reset link was already used or replaced by a newer one',
      )
    }

    const updated = await storage.users.update(user.user_id, {
      password_hash: passwordHash,
      updated_at: now,
    })

    if (!updated.ok) {
      throw unauthenticated(
        'reset_token_invalid',
        'Unknown password reset token; request a new link',
      )
    }

    await tokens.revokeAll(user.user_id)
    await storage.passwordResets.revokeForUser(user.user_id, now)
    await lockout.forget(user.username)
  }

  return { request, settled, confirm }
}

export type PasswordResetService = ReturnType<typeof createPasswordResetService>

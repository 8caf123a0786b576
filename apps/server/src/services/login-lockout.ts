import { createHash } from 'node:crypto'

import { DomainError } from '../domain/errors.js'
import type { Storage } from '../ports/storage.js'

export interface LockoutSettings {
  enabled: boolean
  maxFailures: number
  windowSeconds: number
}

/**
 * Keys are hashes: people type passwords into the username field, and the table of failures
 * should not collect them. Case is folded so `Admin` and `admin` share one count.
 */
function keyOf(username: string): string {
  return createHash('sha256')
    .update(`login:${username.normalize('NFKC').toLowerCase()}`)
    .digest('hex')
}

/**
 * Refuses password checks for a username after `maxFailures` failures within the window, in
 * every process sharing the store, until the oldest failure leaves the window. Unknown
 * usernames are counted like known ones, so a refusal says nothing about whether the account
 * exists. Refused attempts are not counted: the lock ends when the window says, however hard
 * someone keeps knocking.
 */
export function createLoginLockout(storage: Storage, settings: LockoutSettings) {
  const windowMs = settings.windowSeconds * 1000

  /**
   * Runs `check` as one counted attempt for the username. `check` throws when the password is
   * wrong, and the attempt stays counted; when it returns, the username's count starts again.
   */
  async function attempt<T>(username: string, check: () => Promise<T>): Promise<T> {
    if (!settings.enabled) {
      return check()
    }

    const key = keyOf(username)
    const now = Date.now()
    const begun = await storage.loginAttempts.begin(key, {
      at: new Date(now).toISOString(),
      since: new Date(now - windowMs).toISOString(),
      limit: settings.maxFailures,
    })

    if (!begun.ok) {
      throw lockedOut(Date.parse(begun.oldest) + windowMs - now)
    }

    const result = await check()
    await storage.loginAttempts.clear(key)

    return result
  }

  /** Starts the username's count again, as after a password reset. */
  async function forget(username: string): Promise<void> {
    await storage.loginAttempts.clear(keyOf(username))
  }

  return { attempt, forget }
}

function lockedOut(remainingMs: number): DomainError {
  const seconds = Math.max(1, Math.ceil(remainingMs / 1000))

  return new DomainError(
    'rate_limited',
    `Too many failed sign-ins for this username; try again in ${seconds} s`,
    { retry_after_seconds: seconds },
  )
}

export type LoginLockout = ReturnType<typeof createLoginLockout>

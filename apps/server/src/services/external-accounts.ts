import type { Role } from '@smartsteps/contracts'

import { unauthenticated } from '../domain/errors.js'
import { newId } from '../domain/ids.js'
import { DuplicateKeyError, type Storage, type UserRecord } from '../ports/storage.js'
import type { ExternalIdentity } from './oauth-claims.js'

/** Where external accounts without a usable email claim get their (undeliverable) address. */
const PLACEHOLDER_EMAIL_DOMAIN = 'oauth.invalid'

/**
 * The Smart Steps user behind an external identity: found by username, or created on first
 * sight with the token's role (else the default role) and no password. A username belongs to
 * one identity for good: a local account, or an external account of another subject, is never
 * taken over by a token that happens to carry its username.
 */
export function createExternalAccounts(storage: Storage, defaultRole: Role) {
  async function insert(identity: ExternalIdentity, email: string): Promise<UserRecord> {
    const now = new Date().toISOString()
    const record: UserRecord = {
      user_id: newId('user'),
      username: identity.username,
      email,
      role: identity.role ?? defaultRole,
      active: true,
      password_hash: null,
      external_subject: identity.subject,
      created_at: now,
      updated_at: now,
    }

    await storage.users.create(record)

    return record
  }

  /** The new account, or null when another request created it first (read it again). */
  async function create(identity: ExternalIdentity): Promise<UserRecord | null> {
    const placeholder = `${identity.username}@${PLACEHOLDER_EMAIL_DOMAIN}`
    // An email another account holds is no reason to refuse: here it is only informational.
    const emails = identity.email ? [identity.email, placeholder] : [placeholder]

    for (const email of emails) {
      try {
        return await insert(identity, email)
      } catch (error) {
        if (!(error instanceof DuplicateKeyError)) {
          throw error
        }

        if (error.field !== 'email') {
          return null
        }
      }
    }

    return null
  }

  /** Follows the role the provider names; never at the cost of the last active admin. */
  async function syncRole(user: UserRecord, role: Role | null): Promise<UserRecord> {
    if (!role || role === user.role) {
      return user
    }

    const result = await storage.users.update(user.user_id, {
      role,
      updated_at: new Date().toISOString(),
    })

    return result.ok ? result.user : user
  }

  async function resolve(identity: ExternalIdentity): Promise<UserRecord> {
    const user =
      (await storage.users.getByUsername(identity.username)) ??
      (await create(identity)) ??
      (await storage.users.getByUsername(identity.username))

    if (!user || user.external_subject !== identity.subject) {
      throw unauthenticated(
        'token_invalid',
        'The username in this token belongs to another Smart Steps account',
      )
    }

    if (!user.active) {
      throw unauthenticated('account_inactive', 'This account has been deactivated in Smart Steps')
    }

    return syncRole(user, identity.role)
  }

  return { resolve }
}

import { randomBytes } from 'node:crypto'

import {
  type CreateUserRequest,
  type Pagination,
  type UpdateUserRequest,
  type User,
  type UserListQuery,
} from '@smartsteps/contracts'

import type { Actor } from '../domain/actor.js'
import { conflict, DomainError, forbidden, notFound, unauthenticated } from '../domain/errors.js'
import { newId } from '../domain/ids.js'
import {
  DuplicateKeyError,
  type Storage,
  type UserPatch,
  type UserRecord,
} from '../ports/storage.js'
import type { LoginLockout } from './login-lockout.js'
import { paginationOf, toOffset } from './pagination.js'
import { checkNewPassword, passwordPolicyProblem } from './password-policy.js'
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './passwords.js'

export const ADMIN_USERNAME = 'admin'

export function toUser(record: UserRecord): User {
  return {
    user_id: record.user_id,
    username: record.username,
    email: record.email,
    role: record.role,
    active: record.active,
    auth_source: record.external_subject ? 'oauth' : 'password',
    created_at: record.created_at,
  }
}

/** A taken username or email is the caller's conflict; anything else goes up as it is. */
function rethrowDuplicate(error: unknown): never {
  if (error instanceof DuplicateKeyError) {
    throw conflict(`A user with this ${error.field} already exists`, { field: error.field })
  }

  throw error
}

/** The routes already require users:read or users:write; this keeps the rule in the service. */
function requireAdmin(actor: Actor): void {
  if (actor.role !== 'admin') {
    throw forbidden('Only admins manage users')
  }
}

export function createUserService(storage: Storage, lockout: LoginLockout) {
  async function create(actor: Actor, request: CreateUserRequest): Promise<User> {
    requireAdmin(actor)
    checkNewPassword(request.password, request.username, 'password')

    const now = new Date().toISOString()
    const record: UserRecord = {
      user_id: newId('user'),
      username: request.username,
      email: request.email.toLowerCase(),
      role: request.role,
      active: true,
      password_hash: await hashPassword(request.password),
      external_subject: null,
      created_at: now,
      updated_at: now,
    }

    await storage.users.create(record).catch(rethrowDuplicate)

    return toUser(record)
  }

  async function list(
    actor: Actor,
    query: UserListQuery,
  ): Promise<{ users: User[]; pagination: Pagination }> {
    requireAdmin(actor)

    const page = await storage.users.list(toOffset(query.page, query.limit))

    return {
      users: page.items.map(toUser),
      pagination: paginationOf(page.total, query.page, query.limit),
    }
  }

  async function get(actor: Actor, userId: string): Promise<User> {
    requireAdmin(actor)

    const user = await storage.users.get(userId)

    if (!user) {
      throw notFound('User')
    }

    return toUser(user)
  }

  /**
   * Changes email, role or active. Refused with a conflict when it would leave no active admin.
   * Deactivating ends every login of the user at once and cancels their reset links, so
   * reactivating brings neither back; their API keys stop working too, since every credential
   * checks that its user is active.
   */
  async function update(actor: Actor, userId: string, request: UpdateUserRequest): Promise<User> {
    requireAdmin(actor)

    const now = new Date().toISOString()
    const patch: UserPatch = {
      ...request,
      ...(request.email ? { email: request.email.toLowerCase() } : {}),
      updated_at: now,
    }
    const result = await applyPatch(userId, patch)

    if (request.active === false) {
      await storage.refreshTokens.revokeForUser(userId, now)
      await storage.passwordResets.revokeForUser(userId, now)
    }

    return toUser(result)
  }

  async function applyPatch(userId: string, patch: UserPatch): Promise<UserRecord> {
    const result = await storage.users.update(userId, patch).catch(rethrowDuplicate)

    if (!result.ok && result.reason === 'not_found') {
      throw notFound('User')
    }

    if (!result.ok) {
      throw conflict('This is the last active admin; make another user admin first', {
        reason: 'last_admin',
      })
    }

    return result.user
  }

  /** DELETE deactivates: sessions, notes and clients keep naming the user who made them. */
  function deactivate(actor: Actor, userId: string): Promise<User> {
    return update(actor, userId, { active: false })
  }

  /**
   * Checks a username and password; unknown users, accounts without a password and inactive
   * accounts cost the same time as wrong passwords and get the same answer. Repeated failures
   * lock the username for a while (login-lockout.ts).
   */
  async function authenticate(username: string, password: string): Promise<UserRecord> {
    return lockout.attempt(username, async () => {
      const user = await storage.users.getByUsername(username)
      const hash = user?.password_hash ?? (await DUMMY_HASH_PROMISE)
      const matches = await verifyPassword(password, hash)

      if (!user?.password_hash || !matches || !user.active) {
        throw unauthenticated('invalid_credentials', 'Invalid username or password')
      }

      return user
    })
  }

  /**
   * Creates the `admin` account on first start. Returns the generated password when none was
   * configured, so the caller can print it once. Safe when two processes start together: the
   * loser of the race sees the duplicate and does nothing.
   */
  async function ensureAdmin(configuredPassword: string | undefined) {
    if (await storage.users.getByUsername(ADMIN_USERNAME)) {
      return { created: false as const }
    }

    // The first admin can do everything, so its password meets the same policy as any other.
    const problem =
      configuredPassword === undefined
        ? null
        : passwordPolicyProblem(configuredPassword, ADMIN_USERNAME)

    if (problem) {
      throw new DomainError('validation_error', `SMARTSTEPS_ADMIN_PASSWORD ${problem}`)
    }

    const password = configuredPassword ?? randomBytes(18).toString('base64url')
    const now = new Date().toISOString()

    try {
      await storage.users.create({
        user_id: newId('user'),
        username: ADMIN_USERNAME,
        email: 'admin@localhost',
        role: 'admin',
        active: true,
        password_hash: await hashPassword(password),
        external_subject: null,
        created_at: now,
        updated_at: now,
      })
    } catch (error) {
      if (error instanceof DuplicateKeyError) {
        return { created: false as const }
      }

      throw error
    }

    return { created: true as const, generatedPassword: configuredPassword ? null : password }
  }

  return { create, list, get, update, deactivate, authenticate, ensureAdmin }
}

export type UserService = ReturnType<typeof createUserService>

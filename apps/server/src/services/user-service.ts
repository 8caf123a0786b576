import { randomBytes } from 'node:crypto'

import type { CreateUserRequest, User } from '@smartsteps/contracts'

import type { Actor } from '../domain/actor.js'
import { conflict, DomainError, forbidden, unauthenticated } from '../domain/errors.js'
import { newId } from '../domain/ids.js'
import { DuplicateKeyError, type Storage, type UserRecord } from '../ports/storage.js'
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './passwords.js'

export const ADMIN_USERNAME = 'admin'

export function toUser(record: UserRecord): User {
  return {
    user_id: record.user_id,
    username: record.username,
    email: record.email,
    role: record.role,
    active: record.active,
    created_at: record.created_at,
  }
}

export function createUserService(storage: Storage) {
  async function create(actor: Actor, request: CreateUserRequest): Promise<User> {
    if (actor.role !== 'admin') {
      throw forbidden('Only admins create users')
    }

    const now = new Date().toISOString()
    const record: UserRecord = {
      user_id: newId('user'),
      username: request.username,
      email: request.email.toLowerCase(),
      role: request.role,
      active: true,
      password_hash: await hashPassword(request.password),
      created_at: now,
      updated_at: now,
    }

    try {
      await storage.users.create(record)
    } catch (error) {
      if (error instanceof DuplicateKeyError) {
        throw conflict(`A user with this ${error.field} already exists`, { field: error.field })
      }

      throw error
    }

    return toUser(record)
  }

  /** Checks a username and password; unknown users cost the same time as wrong passwords. */
  async function authenticate(username: string, password: string): Promise<UserRecord> {
    const user = await storage.users.getByUsername(username)
    const hash = user?.password_hash ?? (await DUMMY_HASH_PROMISE)
    const matches = await verifyPassword(password, hash)

    if (!user || !matches || !user.active) {
      throw unauthenticated('Invalid username or password')
    }

    return user
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

    if (configuredPassword !== undefined && configuredPassword.length < 12) {
      throw new DomainError(
        'validation_error',
        'SMARTSTEPS_ADMIN_PASSWORD must be at least 12 characters',
      )
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

  return { create, authenticate, ensureAdmin }
}

export type UserService = ReturnType<typeof createUserService>

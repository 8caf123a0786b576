import type { Database } from 'better-sqlite3'

import type {
  UserPatch,
  UserRecord,
  UserRepository,
  UserUpdateResult,
} from '../../ports/storage.js'
import { withDuplicateKeys } from './duplicate-key.js'

/** The first schema made password_hash NOT NULL; an account without a password stores ''. */
type UserRow = Omit<UserRecord, 'active' | 'password_hash'> & {
  active: number
  password_hash: string
}

const PATCHABLE = ['email', 'role', 'active', 'password_hash'] as const

function toRecord(row: UserRow): UserRecord {
  return { ...row, active: row.active === 1, password_hash: row.password_hash || null }
}

function toRow(user: UserRecord): UserRow {
  return { ...user, active: user.active ? 1 : 0, password_hash: user.password_hash ?? '' }
}

function applyPatch(user: UserRecord, patch: UserPatch): UserRecord {
  const next = { ...user, updated_at: patch.updated_at }

  for (const field of PATCHABLE) {
    if (patch[field] !== undefined) {
      Object.assign(next, { [field]: patch[field] })
    }
  }

  return next
}

function isActiveAdmin(user: UserRecord): boolean {
  return user.active && user.role === 'admin'
}

export function createUserRepository(db: Database): UserRepository {
  const insert = db.prepare<[UserRow]>(
    `INSERT INTO users (user_id, username, email, role, active, password_hash, external_subject,
       created_at, updated_at)
     VALUES (@user_id, @username, @email, @role, @active, @password_hash, @external_subject,
       @created_at, @updated_at)`,
  )
  const byId = db.prepare<[string], UserRow>('SELECT * FROM users WHERE user_id = ?')
  const byUsername = db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?')
  const byEmail = db.prepare<[string], UserRow>('SELECT * FROM users WHERE email = ?')
  const count = db.prepare<[], { total: number }>('SELECT COUNT(*) AS total FROM users')
  const page = db.prepare<[number, number], UserRow>(
    'SELECT * FROM users ORDER BY created_at DESC, user_id DESC LIMIT ? OFFSET ?',
  )
  const otherActiveAdmins = db.prepare<[string], { total: number }>(
    `SELECT COUNT(*) AS total FROM users
     WHERE role = 'admin' AND active = 1 AND user_id != ?`,
  )
  const write = db.prepare<[UserRow]>(
    `UPDATE users SET email = @email, role = @role, active = @active,
       password_hash = @password_hash, updated_at = @updated_at
     WHERE user_id = @user_id`,
  )

  // Under the write lock (immediate), so two admins demoting each other in two processes are
  // serialised and the second finds no other admin left.
  const update = db.transaction((userId: string, patch: UserPatch): UserUpdateResult => {
    const row = byId.get(userId)

    if (!row) {
      return { ok: false, reason: 'not_found' }
    }

    const current = toRecord(row)
    const next = applyPatch(current, patch)

    const demotes = isActiveAdmin(current) && !isActiveAdmin(next)

    if (demotes && otherActiveAdmins.get(userId)!.total === 0) {
      return { ok: false, reason: 'last_admin' }
    }

    withDuplicateKeys(() => write.run(toRow(next)))

    return { ok: true, user: next }
  })

  const list = db.transaction((offset: number, limit: number) => ({
    items: page.all(limit, offset).map(toRecord),
    total: count.get()!.total,
  }))

  function found(row: UserRow | undefined): UserRecord | null {
    return row ? toRecord(row) : null
  }

  return {
    async create(user) {
      withDuplicateKeys(() => insert.run(toRow(user)))
    },

    async get(userId) {
      return found(byId.get(userId))
    },

    async getByUsername(username) {
      return found(byUsername.get(username))
    },

    async getByEmail(email) {
      return found(byEmail.get(email))
    },

    async count() {
      return count.get()!.total
    },

    async list({ offset, limit }) {
      return list(offset, limit)
    },

    async update(userId, patch) {
      return update.immediate(userId, patch)
    },
  }
}

import type { Database } from 'better-sqlite3'

import { DuplicateKeyError, type UserRecord, type UserRepository } from '../../ports/storage.js'
import { isUniqueViolation, violatedColumn } from './json-columns.js'

interface UserRow extends Omit<UserRecord, 'active'> {
  active: number
}

const toRecord = (row: UserRow | undefined): UserRecord | null =>
  row ? { ...row, active: row.active === 1 } : null

export function createUserRepository(db: Database): UserRepository {
  const insert = db.prepare(
    `INSERT INTO users (user_id, username, email, role, active, password_hash, created_at, updated_at)
     VALUES (@user_id, @username, @email, @role, @active, @password_hash, @created_at, @updated_at)`,
  )
  const byId = db.prepare<[string], UserRow>('SELECT * FROM users WHERE user_id = ?')
  const byUsername = db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?')
  const count = db.prepare<[], { total: number }>('SELECT COUNT(*) AS total FROM users')

  return {
    async create(user) {
      try {
        insert.run({ ...user, active: user.active ? 1 : 0 })
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new DuplicateKeyError(violatedColumn(error))
        }

        throw error
      }
    },
    async get(userId) {
      return toRecord(byId.get(userId))
    },
    async getByUsername(username) {
      return toRecord(byUsername.get(username))
    },
    async count() {
      return count.get()!.total
    },
  }
}

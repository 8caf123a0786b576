import type { Database } from 'better-sqlite3'

import type { PasswordResetRecord, PasswordResetRepository } from '../../ports/storage.js'
import { withDuplicateKeys } from './duplicate-key.js'

export function createPasswordResetRepository(db: Database): PasswordResetRepository {
  const insert = db.prepare<[PasswordResetRecord]>(
    `INSERT INTO password_resets (token_hash, user_id, created_at, expires_at, used_at)
     VALUES (@token_hash, @user_id, @created_at, @expires_at, @used_at)`,
  )
  // Expired tokens are worth nothing; dropping them on each insert keeps the table small.
  const pruneExpired = db.prepare<[string]>('DELETE FROM password_resets WHERE expires_at < ?')
  const byHash = db.prepare<[string], PasswordResetRecord>(
    'SELECT * FROM password_resets WHERE token_hash = ?',
  )
  // The conditional UPDATE is the compare-and-set: of two concurrent uses, one wins.
  const consume = db.prepare<[string, string]>(
    'UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL',
  )
  const revokeForUser = db.prepare<[string, string]>(
    'UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL',
  )

  const create = db.transaction((token: PasswordResetRecord) => {
    pruneExpired.run(token.created_at)
    withDuplicateKeys(() => insert.run(token))
  })

  return {
    async create(token) {
      create.immediate(token)
    },

    async getByHash(tokenHash) {
      return byHash.get(tokenHash) ?? null
    },

    async consume(tokenHash, at) {
      return consume.run(at, tokenHash).changes === 1
    },

    async revokeForUser(userId, at) {
      revokeForUser.run(at, userId)
    },
  }
}

import type { Database } from 'better-sqlite3'

import type { RefreshTokenRecord, RefreshTokenRepository } from '../../ports/storage.js'
import { withDuplicateKeys } from './duplicate-key.js'

export function createRefreshTokenRepository(db: Database): RefreshTokenRepository {
  const insert = db.prepare<[RefreshTokenRecord]>(
    `INSERT INTO refresh_tokens (token_id, token_hash, user_id, family_id, expires_at, created_at,
       used_at, revoked_at)
     VALUES (@token_id, @token_hash, @user_id, @family_id, @expires_at, @created_at, @used_at,
       @revoked_at)`,
  )
  const byHash = db.prepare<[string], RefreshTokenRecord>(
    'SELECT * FROM refresh_tokens WHERE token_hash = ?',
  )
  // A single conditional UPDATE is the compare-and-set: of two concurrent uses, in this process
  // or another, only one finds used_at still NULL.
  const markUsed = db.prepare<[string, string]>(
    `UPDATE refresh_tokens SET used_at = ?
     WHERE token_id = ? AND used_at IS NULL AND revoked_at IS NULL`,
  )
  const revokeFamily = db.prepare<[string, string]>(
    'UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL',
  )
  const revokeForUser = db.prepare<[string, string]>(
    'UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL',
  )
  const familyRevoked = db.prepare<[string], { revoked: number }>(
    `SELECT EXISTS (
       SELECT 1 FROM refresh_tokens WHERE family_id = ? AND revoked_at IS NOT NULL
     ) AS revoked`,
  )

  return {
    async create(token) {
      withDuplicateKeys(() => insert.run(token))
    },

    async getByHash(tokenHash) {
      return byHash.get(tokenHash) ?? null
    },

    async markUsed(tokenId, at) {
      return markUsed.run(at, tokenId).changes === 1
    },

    async revokeFamily(familyId, at) {
      revokeFamily.run(at, familyId)
    },

    async revokeForUser(userId, at) {
      revokeForUser.run(at, userId)
    },

    async isFamilyRevoked(familyId) {
      return familyRevoked.get(familyId)!.revoked === 1
    },
  }
}

import type { Database } from 'better-sqlite3'

import type { RefreshTokenRecord, RefreshTokenRepository } from '../../ports/storage.js'

export function createRefreshTokenRepository(db: Database): RefreshTokenRepository {
  const insert = db.prepare(
    `INSERT INTO refresh_tokens (token_id, token_hash, user_id, family_id, expires_at, created_at,
       used_at, revoked_at)
     VALUES (@token_id, @token_hash, @user_id, @family_id, @expires_at, @created_at, @used_at,
       @revoked_at)`,
  )
  const byHash = db.prepare<[string], RefreshTokenRecord>(
    'SELECT * FROM refresh_tokens WHERE token_hash = ?',
  )
  // One conditional UPDATE is the compare-and-set: of two concurrent uses only one changes a row.
  const markUsed = db.prepare(
    'UPDATE refresh_tokens SET used_at = ? WHERE token_id = ? AND used_at IS NULL AND revoked_at IS NULL',
  )
  const revokeFamily = db.prepare(
    'UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL',
  )

  return {
    async create(token) {
      insert.run(token)
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
  }
}

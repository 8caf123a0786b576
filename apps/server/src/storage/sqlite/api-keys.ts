import type { Database } from 'better-sqlite3'

import type { ApiKeyRecord, ApiKeyRepository, ApiKeyRotation } from '../../ports/storage.js'
import { withDuplicateKeys } from './duplicate-key.js'
import { fromJson, toJson } from './json-columns.js'

type ApiKeyRow = Omit<ApiKeyRecord, 'scopes' | 'allowed_ips' | 'require_signing'> & {
  scopes: string
  allowed_ips: string
  require_signing: number
}

function toRecord(row: ApiKeyRow | undefined): ApiKeyRecord | null {
  if (!row) {
    return null
  }

  return {
    ...row,
    scopes: fromJson(row.scopes),
    allowed_ips: fromJson(row.allowed_ips),
    require_signing: row.require_signing === 1,
  }
}

function toRow(key: ApiKeyRecord): ApiKeyRow {
  return {
    ...key,
    scopes: toJson(key.scopes),
    allowed_ips: toJson(key.allowed_ips),
    require_signing: key.require_signing ? 1 : 0,
  }
}

export function createApiKeyRepository(db: Database): ApiKeyRepository {
  const insert = db.prepare<[ApiKeyRow]>(
    `INSERT INTO api_keys (key_id, owner_id, name, scopes, allowed_ips, secret_hash,
       secret_prefix, signing_secret, require_signing, previous_secret_hash,
       previous_signing_secret, previous_expires_at, created_at, expires_at, last_used_at,
       revoked_at)
     VALUES (@key_id, @owner_id, @name, @scopes, @allowed_ips, @secret_hash, @secret_prefix,
       @signing_secret, @require_signing, @previous_secret_hash, @previous_signing_secret,
       @previous_expires_at, @created_at, @expires_at, @last_used_at, @revoked_at)`,
  )
  const byId = db.prepare<[string], ApiKeyRow>('SELECT * FROM api_keys WHERE key_id = ?')
  // Two single-index seeks rather than one OR, which SQLite may plan as a scan.
  const byCurrentHash = db.prepare<[string], ApiKeyRow>(
    'SELECT * FROM api_keys WHERE secret_hash = ?',
  )
  const byPreviousHash = db.prepare<[string], ApiKeyRow>(
    'SELECT * FROM api_keys WHERE previous_secret_hash = ?',
  )
  const pageOfOwner = db.prepare<[string, number, number], ApiKeyRow>(
    `SELECT * FROM api_keys WHERE owner_id = ?
     ORDER BY created_at DESC, key_id DESC LIMIT ? OFFSET ?`,
  )
  const countOfOwner = db.prepare<[string], { total: number }>(
    'SELECT COUNT(*) AS total FROM api_keys WHERE owner_id = ?',
  )
  const pageOfAll = db.prepare<[number, number], ApiKeyRow>(
    'SELECT * FROM api_keys ORDER BY created_at DESC, key_id DESC LIMIT ? OFFSET ?',
  )
  const countOfAll = db.prepare<[], { total: number }>('SELECT COUNT(*) AS total FROM api_keys')
  const revoke = db.prepare<[string, string]>(
    'UPDATE api_keys SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL',
  )
  // The conditional UPDATE is the compare-and-set: a concurrent rotation, in this process or
  // another, changed secret_hash and so matches no row here.
  const rotate = db.prepare<[ApiKeyRotation & { key_id: string; current_hash: string }]>(
    `UPDATE api_keys SET previous_secret_hash = secret_hash,
       previous_signing_secret = signing_secret, previous_expires_at = @previous_expires_at,
       secret_hash = @secret_hash, secret_prefix = @secret_prefix,
       signing_secret = @signing_secret
     WHERE key_id = @key_id AND secret_hash = @current_hash AND revoked_at IS NULL`,
  )
  const touch = db.prepare<[string, string, string]>(
    `UPDATE api_keys SET last_used_at = ?
     WHERE key_id = ? AND (last_used_at IS NULL OR last_used_at < ?)`,
  )

  // One transaction, so the key returned is the one the rotation wrote.
  const rotateAndRead = db.transaction(
    (keyId: string, currentHash: string, rotation: ApiKeyRotation) => {
      const { changes } = rotate.run({ ...rotation, key_id: keyId, current_hash: currentHash })
      return changes === 1 ? toRecord(byId.get(keyId)) : null
    },
  )

  return {
    async create(key) {
      withDuplicateKeys(() => insert.run(toRow(key)))
    },

    async get(keyId) {
      return toRecord(byId.get(keyId))
    },

    async getBySecretHash(secretHash) {
      return toRecord(byCurrentHash.get(secretHash) ?? byPreviousHash.get(secretHash))
    },

    async list({ ownerId, offset, limit }) {
      const rows =
        ownerId === undefined
          ? pageOfAll.all(limit, offset)
          : pageOfOwner.all(ownerId, limit, offset)
      const total =
        ownerId === undefined ? countOfAll.get()!.total : countOfOwner.get(ownerId)!.total

      return { items: rows.map((row) => toRecord(row)!), total }
    },

    async revoke(keyId, at) {
      return revoke.run(at, keyId).changes === 1
    },

    async rotate(keyId, currentHash, rotation) {
      return withDuplicateKeys(() => rotateAndRead(keyId, currentHash, rotation))
    },

    async touch(keyId, at) {
      touch.run(at, keyId, at)
    },
  }
}

import type { ApiKey } from '@smartsteps/contracts'

import type { ApiKeyRecord } from '../ports/storage.js'

export function statusOf(record: ApiKeyRecord, now: number): ApiKey['status'] {
  if (record.revoked_at) {
    return 'revoked'
  }

  return record.expires_at && Date.parse(record.expires_at) <= now ? 'expired' : 'active'
}

/** The public view of a key: never a secret, nor a hash of one. */
export function toApiKey(record: ApiKeyRecord, now = Date.now()): ApiKey {
  return {
    key_id: record.key_id,
    name: record.name,
    owner_id: record.owner_id,
    scopes: record.scopes,
    allowed_ips: record.allowed_ips,
    secret_prefix: record.secret_prefix,
    signing: record.signing_secret !== null,
    require_signing: record.require_signing,
    status: statusOf(record, now),
    created_at: record.created_at,
    expires_at: record.expires_at,
    last_used_at: record.last_used_at,
    revoked_at: record.revoked_at,
    previous_secret_expires_at: record.previous_expires_at,
  }
}

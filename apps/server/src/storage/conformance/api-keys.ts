import { describe, expect, it } from 'vitest'

import { newId } from '../../domain/ids.js'
import { type ApiKeyRecord, DuplicateKeyError } from '../../ports/storage.js'
import { tick } from '../fixtures.js'
import type { CurrentStorage } from './harness.js'

let hashes = 0

/** A distinct 64-hex-digit stand-in for a secret's hash. */
function fakeHash(): string {
  hashes += 1
  return hashes.toString(16).padStart(64, '0')
}

function apiKeyRecord(ownerId: string, overrides: Partial<ApiKeyRecord> = {}): ApiKeyRecord {
  return {
    key_id: newId('apiKey'),
    owner_id: ownerId,
    name: 'Nightly export',
    scopes: ['sessions:read', 'clients:read'],
    allowed_ips: ['10.0.0.0/8', '2001:db8::/32'],
    secret_hash: fakeHash(),
    secret_prefix: 'sk_ss_Ab3d',
    signing_secret: null,
    require_signing: false,
    previous_secret_hash: null,
    previous_signing_secret: null,
    previous_expires_at: null,
    created_at: tick(),
    expires_at: null,
    last_used_at: null,
    revoked_at: null,
    ...overrides,
  }
}

export function describeApiKeys(storage: CurrentStorage) {
  describe('api keys', () => {
    it('round-trips a key, with and without optional fields, by id and by secret hash', async () => {
      const plain = apiKeyRecord('usr_a')
      const full = apiKeyRecord('usr_a', {
        allowed_ips: [],
        signing_secret: 'sig_abc',
        require_signing: true,
        expires_at: tick(),
      })

      await storage().apiKeys.create(plain)
      await storage().apiKeys.create(full)

      expect(await storage().apiKeys.get(plain.key_id)).toEqual(plain)
      expect(await storage().apiKeys.get(full.key_id)).toEqual(full)
      expect(await storage().apiKeys.getBySecretHash(full.secret_hash)).toEqual(full)
      expect(await storage().apiKeys.get(newId('apiKey'))).toBeNull()
      expect(await storage().apiKeys.getBySecretHash(fakeHash())).toBeNull()
    })

    it('rejects a taken key id or secret hash', async () => {
      const key = apiKeyRecord('usr_a')
      await storage().apiKeys.create(key)

      await expect(
        storage().apiKeys.create(apiKeyRecord('usr_b', { key_id: key.key_id })),
      ).rejects.toBeInstanceOf(DuplicateKeyError)
      await expect(
        storage().apiKeys.create(apiKeyRecord('usr_b', { secret_hash: key.secret_hash })),
      ).rejects.toBeInstanceOf(DuplicateKeyError)
      expect(await storage().apiKeys.get(key.key_id)).toEqual(key)
    })

    it('lists newest first, by owner or all, with totals', async () => {
      const mine = [apiKeyRecord('usr_a'), apiKeyRecord('usr_a'), apiKeyRecord('usr_a')]

      for (const key of mine) {
        await storage().apiKeys.create(key)
      }

      await storage().apiKeys.create(apiKeyRecord('usr_b'))

      const first = await storage().apiKeys.list({ ownerId: 'usr_a', offset: 0, limit: 2 })
      const rest = await storage().apiKeys.list({ ownerId: 'usr_a', offset: 2, limit: 2 })
      const everyone = await storage().apiKeys.list({ offset: 0, limit: 10 })

      expect(first.items.map((key) => key.key_id)).toEqual([mine[2]!.key_id, mine[1]!.key_id])
      expect(rest.items.map((key) => key.key_id)).toEqual([mine[0]!.key_id])
      expect(first.total).toBe(3)
      expect(everyone.total).toBe(4)
      expect(await storage().apiKeys.list({ ownerId: 'usr_c', offset: 0, limit: 10 })).toEqual({
        items: [],
        total: 0,
      })
    })

    it('revokes once, keeping the first revocation time', async () => {
      const key = apiKeyRecord('usr_a')
      await storage().apiKeys.create(key)
      const at = tick()

      expect(await storage().apiKeys.revoke(key.key_id, at)).toBe(true)
      expect(await storage().apiKeys.revoke(key.key_id, tick())).toBe(false)
      expect(await storage().apiKeys.revoke(newId('apiKey'), tick())).toBe(false)
      expect((await storage().apiKeys.get(key.key_id))?.revoked_at).toBe(at)
    })

    it('rotates: the new secret becomes current, the old one previous, both found', async () => {
      const key = apiKeyRecord('usr_a', { signing_secret: 'sig_old' })
      await storage().apiKeys.create(key)
      const rotation = {
        secret_hash: fakeHash(),
        secret_prefix: 'sk_ss_New1',
        signing_secret: 'sig_new',
        previous_expires_at: tick(),
      }

      const rotated = await storage().apiKeys.rotate(key.key_id, key.secret_hash, rotation)

      expect(rotated).toEqual({
        ...key,
        ...rotation,
        previous_secret_hash: key.secret_hash,
        previous_signing_secret: 'sig_old',
      })
      expect(await storage().apiKeys.getBySecretHash(key.secret_hash)).toEqual(rotated)
      expect(await storage().apiKeys.getBySecretHash(rotation.secret_hash)).toEqual(rotated)
    })

    it('lets exactly one of two rotations from the same secret win', async () => {
      const key = apiKeyRecord('usr_a')
      await storage().apiKeys.create(key)
      const rotation = () => ({
        secret_hash: fakeHash(),
        secret_prefix: 'sk_ss_Xx00',
        signing_secret: null,
        previous_expires_at: tick(),
      })

      const results = await Promise.all([
        storage().apiKeys.rotate(key.key_id, key.secret_hash, rotation()),
        storage().apiKeys.rotate(key.key_id, key.secret_hash, rotation()),
      ])

      expect(results.filter((result) => result !== null)).toHaveLength(1)
    })

    it('does not rotate a revoked or unknown key', async () => {
      const key = apiKeyRecord('usr_a')
      await storage().apiKeys.create(key)
      await storage().apiKeys.revoke(key.key_id, tick())
      const rotation = {
        secret_hash: fakeHash(),
        secret_prefix: 'sk_ss_Xx00',
        signing_secret: null,
        previous_expires_at: tick(),
      }

      expect(await storage().apiKeys.rotate(key.key_id, key.secret_hash, rotation)).toBeNull()
      expect(await storage().apiKeys.rotate(newId('apiKey'), fakeHash(), rotation)).toBeNull()
      expect(await storage().apiKeys.getBySecretHash(rotation.secret_hash)).toBeNull()
    })

    it('moves last_used_at forwards only', async () => {
      const key = apiKeyRecord('usr_a')
      await storage().apiKeys.create(key)
      const earlier = tick()
      const later = tick()

      await storage().apiKeys.touch(key.key_id, later)
      await storage().apiKeys.touch(key.key_id, earlier)

      expect((await storage().apiKeys.get(key.key_id))?.last_used_at).toBe(later)
    })
  })
}

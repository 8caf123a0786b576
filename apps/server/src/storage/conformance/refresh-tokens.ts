import { describe, expect, it } from 'vitest'

import { DuplicateKeyError } from '../../ports/storage.js'
import { refreshTokenRecord, tick } from '../fixtures.js'
import type { CurrentStorage } from './harness.js'

export function describeRefreshTokens(storage: CurrentStorage) {
  async function stored(tokenHash: string) {
    return storage().refreshTokens.getByHash(tokenHash)
  }

  describe('refresh tokens', () => {
    it('round-trips a token exactly and finds it by hash only', async () => {
      const token = refreshTokenRecord('fam_1')
      const spent = refreshTokenRecord('fam_1', { used_at: tick(), revoked_at: tick() })

      await storage().refreshTokens.create(token)
      await storage().refreshTokens.create(spent)

      expect(await stored(token.token_hash)).toEqual(token)
      expect(await stored(spent.token_hash)).toEqual(spent)
      expect(await stored(token.token_id)).toBeNull()
    })

    it('rejects a taken token hash', async () => {
      const token = refreshTokenRecord('fam_1')
      await storage().refreshTokens.create(token)

      await expect(
        storage().refreshTokens.create(
          refreshTokenRecord('fam_2', { token_hash: token.token_hash }),
        ),
      ).rejects.toBeInstanceOf(DuplicateKeyError)
      expect(await stored(token.token_hash)).toEqual(token)
    })

    it('marks a token used exactly once under concurrency', async () => {
      const token = refreshTokenRecord('fam_1')
      await storage().refreshTokens.create(token)
      const times = Array.from({ length: 10 }, () => tick())

      const results = await Promise.all(
        times.map((at) => storage().refreshTokens.markUsed(token.token_id, at)),
      )

      expect(results.filter(Boolean)).toHaveLength(1)
      expect(times).toContain((await stored(token.token_hash))?.used_at)
      expect(await storage().refreshTokens.markUsed('rft_unknown', tick())).toBe(false)
    })

    it('revokes a whole family, keeps earlier revocations, and blocks its tokens', async () => {
      const earlier = tick()
      const revoked = refreshTokenRecord('fam_a', { revoked_at: earlier })
      const live = refreshTokenRecord('fam_a')
      const other = refreshTokenRecord('fam_b')

      for (const token of [revoked, live, other]) {
        await storage().refreshTokens.create(token)
      }

      const at = tick()
      await storage().refreshTokens.revokeFamily('fam_a', at)

      expect(await stored(revoked.token_hash)).toEqual(revoked)
      expect(await stored(live.token_hash)).toEqual({ ...live, revoked_at: at })
      expect(await stored(other.token_hash)).toEqual(other)
      expect(await storage().refreshTokens.markUsed(live.token_id, tick())).toBe(false)
      expect(await storage().refreshTokens.markUsed(other.token_id, tick())).toBe(true)
    })

    it('tells whether any token of a family was revoked', async () => {
      const live = refreshTokenRecord('fam_live')
      const ended = refreshTokenRecord('fam_ended', { used_at: tick() })

      await storage().refreshTokens.create(live)
      await storage().refreshTokens.create(ended)
      await storage().refreshTokens.create(refreshTokenRecord('fam_ended', { revoked_at: tick() }))

      expect(await storage().refreshTokens.isFamilyRevoked('fam_live')).toBe(false)
      expect(await storage().refreshTokens.isFamilyRevoked('fam_ended')).toBe(true)
      expect(await storage().refreshTokens.isFamilyRevoked('fam_unknown')).toBe(false)
    })

    it("revokes every family of one user and no one else's", async () => {
      const earlier = tick()
      const mine = [
        refreshTokenRecord('fam_1', { user_id: 'usr_me' }),
        refreshTokenRecord('fam_2', { user_id: 'usr_me', revoked_at: earlier }),
      ]
      const theirs = refreshTokenRecord('fam_3', { user_id: 'usr_them' })

      for (const token of [...mine, theirs]) {
        await storage().refreshTokens.create(token)
      }

      const at = tick()
      await storage().refreshTokens.revokeForUser('usr_me', at)

      expect(await stored(mine[0]!.token_hash)).toEqual({ ...mine[0], revoked_at: at })
      expect(await stored(mine[1]!.token_hash)).toEqual(mine[1])
      expect(await stored(theirs.token_hash)).toEqual(theirs)
      expect(await storage().refreshTokens.isFamilyRevoked('fam_1')).toBe(true)
      expect(await storage().refreshTokens.isFamilyRevoked('fam_3')).toBe(false)
    })
  })
}

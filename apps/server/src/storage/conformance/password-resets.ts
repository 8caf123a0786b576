import { describe, expect, it } from 'vitest'

import { DuplicateKeyError } from '../../ports/storage.js'
import { passwordResetRecord, tick } from '../fixtures.js'
import type { CurrentStorage } from './harness.js'

export function describePasswordResets(storage: CurrentStorage) {
  async function stored(tokenHash: string) {
    return storage().passwordResets.getByHash(tokenHash)
  }

  describe('password resets', () => {
    it('round-trips a token exactly, finds it by hash only and rejects a taken hash', async () => {
      const token = passwordResetRecord('usr_me')

      await storage().passwordResets.create(token)

      expect(await stored(token.token_hash)).toEqual(token)
      expect(await stored('0'.repeat(64))).toBeNull()
      await expect(
        storage().passwordResets.create(
          passwordResetRecord('usr_other', { token_hash: token.token_hash }),
        ),
      ).rejects.toBeInstanceOf(DuplicateKeyError)
      expect(await stored(token.token_hash)).toEqual(token)
    })

    it('consumes a token exactly once under concurrency', async () => {
      const token = passwordResetRecord('usr_me')
      await storage().passwordResets.create(token)
      const times = Array.from({ length: 10 }, () => tick())

      const results = await Promise.all(
        times.map((at) => storage().passwordResets.consume(token.token_hash, at)),
      )

      expect(results.filter(Boolean)).toHaveLength(1)
      expect(times).toContain((await stored(token.token_hash))?.used_at)
      expect(await storage().passwordResets.consume('0'.repeat(64), tick())).toBe(false)
    })

    it("spends every unused token of one user and no one else's", async () => {
      const earlier = tick()
      const open = passwordResetRecord('usr_me')
      const spent = passwordResetRecord('usr_me', { used_at: earlier })
      const theirs = passwordResetRecord('usr_them')

      for (const token of [open, spent, theirs]) {
        await storage().passwordResets.create(token)
      }

      const at = tick()
      await storage().passwordResets.revokeForUser('usr_me', at)

      expect(await stored(open.token_hash)).toEqual({ ...open, used_at: at })
      expect(await stored(spent.token_hash)).toEqual(spent)
      expect(await stored(theirs.token_hash)).toEqual(theirs)
      expect(await storage().passwordResets.consume(open.token_hash, tick())).toBe(false)
    })
  })
}

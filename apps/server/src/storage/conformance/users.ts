import { describe, expect, it } from 'vitest'

import { newId } from '../../domain/ids.js'
import { DuplicateKeyError } from '../../ports/storage.js'
import { tick, userRecord } from '../fixtures.js'
import type { CurrentStorage } from './harness.js'

export function describeUsers(storage: CurrentStorage) {
  describe('users', () => {
    it('round-trips users exactly and finds them by id and username', async () => {
      const active = userRecord({ role: 'admin' })
      const inactive = userRecord({ active: false, role: 'supervisor' })

      await storage().users.create(active)
      await storage().users.create(inactive)

      expect(await storage().users.get(active.user_id)).toEqual(active)
      expect(await storage().users.getByUsername(inactive.username)).toEqual(inactive)
      expect(await storage().users.get(newId('user'))).toBeNull()
      expect(await storage().users.getByUsername('nobody')).toBeNull()
      expect(await storage().users.count()).toBe(2)
    })

    it('rejects a taken username, email or id, naming the field and keeping the first', async () => {
      const user = userRecord()
      await storage().users.create(user)

      await expect(
        storage().users.create(userRecord({ username: user.username })),
      ).rejects.toMatchObject({ name: 'DuplicateKeyError', field: 'username' })
      await expect(storage().users.create(userRecord({ email: user.email }))).rejects.toMatchObject(
        { name: 'DuplicateKeyError', field: 'email' },
      )
      await expect(
        storage().users.create(userRecord({ user_id: user.user_id })),
      ).rejects.toBeInstanceOf(DuplicateKeyError)

      expect(await storage().users.count()).toBe(1)
      expect(await storage().users.get(user.user_id)).toEqual(user)
    })

    it('keeps an external account without a password and finds users by email', async () => {
      const external = userRecord({ password_hash: null, external_subject: 'https://idp#42' })

      await storage().users.create(external)

      expect(await storage().users.get(external.user_id)).toEqual(external)
      expect(await storage().users.getByEmail(external.email)).toEqual(external)
      expect(await storage().users.getByEmail('nobody@example.test')).toBeNull()
      await expect(
        storage().users.create(userRecord({ external_subject: 'https://idp#42' })),
      ).rejects.toBeInstanceOf(DuplicateKeyError)
    })

    it('lists users newest first, a page at a time, with the total', async () => {
      const created = [userRecord(), userRecord(), userRecord()]

      for (const user of created) {
        await storage().users.create(user)
      }

      const first = await storage().users.list({ offset: 0, limit: 2 })
      const second = await storage().users.list({ offset: 2, limit: 2 })

      expect(first).toEqual({ items: [created[2], created[1]], total: 3 })
      expect(second).toEqual({ items: [created[0]], total: 3 })
    })

    it('applies a patch and reports unknown users and taken emails', async () => {
      const user = userRecord()
      const other = userRecord()
      await storage().users.create(user)
      await storage().users.create(other)
      const at = tick()

      const updated = await storage().users.update(user.user_id, {
        role: 'supervisor',
        active: false,
        password_hash: null,
        updated_at: at,
      })

      expect(updated).toEqual({
        ok: true,
        user: { ...user, role: 'supervisor', active: false, password_hash: null, updated_at: at },
      })
      expect(await storage().users.get(user.user_id)).toEqual(updated.ok && updated.user)
      expect(await storage().users.update(newId('user'), { updated_at: tick() })).toEqual({
        ok: false,
        reason: 'not_found',
      })
      await expect(
        storage().users.update(user.user_id, { email: other.email, updated_at: tick() }),
      ).rejects.toMatchObject({ name: 'DuplicateKeyError', field: 'email' })
    })

    it('never demotes or deactivates the last active admin, even under concurrency', async () => {
      const first = userRecord({ role: 'admin' })
      const second = userRecord({ role: 'admin' })
      const retired = userRecord({ role: 'admin', active: false })

      for (const user of [first, second, retired]) {
        await storage().users.create(user)
      }

      const results = await Promise.all([
        storage().users.update(first.user_id, { role: 'facilitator', updated_at: tick() }),
        storage().users.update(second.user_id, { active: false, updated_at: tick() }),
      ])

      expect(results.filter((result) => result.ok)).toHaveLength(1)
      expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: 'last_admin' }])

      const survivor = results[0]!.ok ? second : first
      expect(
        await storage().users.update(survivor.user_id, {
          email: 'new@example.test',
          updated_at: tick(),
        }),
      ).toMatchObject({ ok: true })
      expect(
        await storage().users.update(retired.user_id, { role: 'facilitator', updated_at: tick() }),
      ).toMatchObject({ ok: true })
    })
  })
}

import { describe, expect, it } from 'vitest'

import { newId } from '../../domain/ids.js'
import { DuplicateKeyError, type ClientQuery } from '../../ports/storage.js'
import { clientRecord, messageRecord, noteRecord, sessionRecord, tick } from '../fixtures.js'
import { type CurrentStorage, storeSession } from './harness.js'

export function describeClients(storage: CurrentStorage) {
  async function names(query: Omit<ClientQuery, 'offset' | 'limit'>) {
    const page = await storage().clients.list({ ...query, offset: 0, limit: 100 })
    return page.items.map((client) => client.first_name).sort()
  }

  describe('clients', () => {
    it('round-trips nested metadata, nulls and set optional fields exactly', async () => {
      const sparse = clientRecord('usr_a')
      const full = clientRecord('usr_a', {
        email: 'robin@example.test',
        phone: '+44 20 7946 0958',
        date_of_birth: '1990-04-21',
        metadata: { a: { b: { c: [true, 1.5, null, 'x'] } }, empty: {}, list: [] },
      })

      await storage().clients.create(sparse)
      await storage().clients.create(full)

      expect(await storage().clients.get(sparse.client_id)).toEqual(sparse)
      expect(await storage().clients.get(full.client_id)).toEqual(full)
      expect(await storage().clients.get(newId('client'))).toBeNull()
    })

    it('rejects a taken client id and keeps the stored client', async () => {
      const client = clientRecord('usr_a')
      await storage().clients.create(client)

      await expect(
        storage().clients.create({ ...client, first_name: 'Overwrite' }),
      ).rejects.toBeInstanceOf(DuplicateKeyError)
      expect(await storage().clients.get(client.client_id)).toEqual(client)
    })

    it('updates only the given fields, returns the new record, and null for unknown', async () => {
      const client = clientRecord('usr_a', { email: 'old@example.test', phone: '+1 555 0100' })
      await storage().clients.create(client)
      const at = tick()

      const updated = await storage().clients.update(client.client_id, {
        first_name: 'Renamed',
        email: null,
        metadata: { replaced: true },
        updated_at: at,
      })

      expect(updated).toEqual({
        ...client,
        first_name: 'Renamed',
        email: null,
        metadata: { replaced: true },
        updated_at: at,
      })
      expect(await storage().clients.get(client.client_id)).toEqual(updated)
      expect(await storage().clients.update(newId('client'), { updated_at: tick() })).toBeNull()
    })

    it('deletes a client with its sessions, messages and notes, and nothing else', async () => {
      const doomed = await storeSession(storage())
      const kept = await storeSession(storage())
      const keptMessage = messageRecord(kept.session_id, 'stays')
      const keptNote = noteRecord(kept.session_id)

      await storage().messages.appendToActiveSession(doomed.session_id, [
        messageRecord(doomed.session_id, 'goes'),
      ])
      await storage().messages.appendToActiveSession(kept.session_id, [keptMessage])
      await storage().notes.add(noteRecord(doomed.session_id))
      await storage().notes.add(keptNote)

      expect(await storage().clients.delete(doomed.client_id)).toBe(true)
      expect(await storage().clients.delete(doomed.client_id)).toBe(false)
      expect(await storage().clients.get(doomed.client_id)).toBeNull()
      expect(await storage().sessions.get(doomed.session_id)).toBeNull()
      expect(await storage().messages.list(doomed.session_id, { limit: 10 })).toEqual([])
      expect(await storage().notes.list(doomed.session_id)).toEqual([])

      expect(await storage().clients.get(kept.client_id)).not.toBeNull()
      expect(await storage().sessions.get(kept.session_id)).toMatchObject({ message_count: 1 })
      expect(await storage().messages.list(kept.session_id, { limit: 10 })).toEqual([keptMessage])
      expect(await storage().notes.list(kept.session_id)).toEqual([keptNote])
    })

    it('pages newest first with offset, limit and the total', async () => {
      for (let index = 0; index < 5; index++) {
        await storage().clients.create(clientRecord('usr_a', { first_name: `C${index}` }))
      }

      const page = async (offset: number, limit: number) => {
        const result = await storage().clients.list({ offset, limit })
        return { names: result.items.map((client) => client.first_name), total: result.total }
      }

      expect(await page(0, 2)).toEqual({ names: ['C4', 'C3'], total: 5 })
      expect(await page(2, 2)).toEqual({ names: ['C2', 'C1'], total: 5 })
      expect(await page(4, 2)).toEqual({ names: ['C0'], total: 5 })
      expect(await page(10, 2)).toEqual({ names: [], total: 5 })
    })

    it('breaks ties in created_at by client id, descending', async () => {
      const at = tick()
      const clients = [1, 2, 3].map(() => clientRecord('usr_a', { created_at: at }))

      for (const client of clients) {
        await storage().clients.create(client)
      }

      const listed = await storage().clients.list({ offset: 0, limit: 10 })
      const expected = clients
        .map((client) => client.client_id)
        .sort()
        .reverse()

      expect(listed.items.map((client) => client.client_id)).toEqual(expected)
    })

    it('filters by the user who created them', async () => {
      await storage().clients.create(clientRecord('usr_a', { first_name: 'Mine1' }))
      await storage().clients.create(clientRecord('usr_b', { first_name: 'Theirs' }))
      await storage().clients.create(clientRecord('usr_a', { first_name: 'Mine2' }))

      const mine = await storage().clients.list({ createdBy: 'usr_a', offset: 0, limit: 1 })

      expect(mine).toMatchObject({ total: 2, items: [{ first_name: 'Mine2' }] })
      expect(await names({ createdBy: 'usr_c' })).toEqual([])
    })

    it('searches first name, last name and email, ignoring case', async () => {
      await storage().clients.create(
        clientRecord('usr_a', { first_name: 'Ada', last_name: 'Lovelace' }),
      )
      await storage().clients.create(
        clientRecord('usr_a', { first_name: 'Alan', email: 'Turing@Example.test' }),
      )
      await storage().clients.create(
        clientRecord('usr_b', { first_name: 'Zoë', last_name: 'Ørsted' }),
      )

      expect(await names({ search: 'LOVE' })).toEqual(['Ada'])
      expect(await names({ search: 'turing@example' })).toEqual(['Alan'])
      expect(await names({ search: 'a' })).toEqual(['Ada', 'Alan'])
      expect(await names({ search: 'ZOË' })).toEqual(['Zoë'])
      expect(await names({ search: 'ørs' })).toEqual(['Zoë'])
      expect(await names({ search: 'a', createdBy: 'usr_b' })).toEqual([])
      expect((await storage().clients.list({ search: 'a', offset: 0, limit: 1 })).total).toBe(2)
    })

    it('takes %, _ and \\ in a search literally', async () => {
      for (const first_name of ['100%', 'snake_case', 'back\\slash', 'plain']) {
        await storage().clients.create(clientRecord('usr_a', { first_name }))
      }

      expect(await names({ search: '%' })).toEqual(['100%'])
      expect(await names({ search: '_' })).toEqual(['snake_case'])
      expect(await names({ search: '\\' })).toEqual(['back\\slash'])
      expect(await names({ search: 'k\\s' })).toEqual(['back\\slash'])
      expect(await names({ search: 'p%n' })).toEqual([])
      expect(await names({ search: 'pl_in' })).toEqual([])
    })

    it('counts a client’s sessions by status', async () => {
      const client = clientRecord('usr_a')
      await storage().clients.create(client)

      for (const status of [
        'scheduled',
        'scheduled',
        'completed',
        'cancelled',
        'active',
      ] as const) {
        await storage().sessions.create(sessionRecord(client, { status }))
      }

      expect(await storage().clients.sessionCounts(client.client_id)).toEqual({
        total: 5,
        completed: 1,
        scheduled: 2,
      })
      expect(await storage().clients.sessionCounts(newId('client'))).toEqual({
        total: 0,
        completed: 0,
        scheduled: 0,
      })
    })

    it('counts only the sessions one user created when asked', async () => {
      const client = clientRecord('usr_a')
      await storage().clients.create(client)
      await storage().sessions.create(sessionRecord(client, { status: 'completed' }))
      await storage().sessions.create(sessionRecord(client, { created_by: 'usr_admin' }))
      await storage().sessions.create(sessionRecord(client, { created_by: 'usr_admin' }))

      expect(await storage().clients.sessionCounts(client.client_id, 'usr_a')).toEqual({
        total: 1,
        completed: 1,
        scheduled: 0,
      })
      expect(await storage().clients.sessionCounts(client.client_id, 'usr_nobody')).toEqual({
        total: 0,
        completed: 0,
        scheduled: 0,
      })
      expect((await storage().clients.sessionCounts(client.client_id)).total).toBe(3)
    })
  })
}

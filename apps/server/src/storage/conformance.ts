import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { newId } from '../domain/ids.js'
import { DuplicateKeyError, type Storage } from '../ports/storage.js'
import { clientRecord, messageRecord, sessionRecord, tick, userRecord } from './fixtures.js'

export interface OpenedStorage {
  storage: Storage
  cleanup(): Promise<void>
}

/**
 * The behaviour every storage adapter must show. Run it from the adapter's own test file with a
 * factory that opens a fresh, empty store for each test.
 */
export function describeStorageConformance(
  adapterName: string,
  open: () => Promise<OpenedStorage>,
) {
  describe(`storage conformance: ${adapterName}`, () => {
    let opened: OpenedStorage
    let storage: Storage

    beforeEach(async () => {
      opened = await open()
      storage = opened.storage
    })

    afterEach(() => opened.cleanup())

    async function activeSession() {
      const client = clientRecord('usr_owner')
      const session = sessionRecord(client, { status: 'active', started_at: tick() })

      await storage.clients.create(client)
      await storage.sessions.create(session)

      return session
    }

    describe('users', () => {
      it('round-trips a user and finds it by username', async () => {
        const user = userRecord()

        await storage.users.create(user)

        expect(await storage.users.get(user.user_id)).toEqual(user)
        expect(await storage.users.getByUsername(user.username)).toEqual(user)
        expect(await storage.users.get(newId('user'))).toBeNull()
        expect(await storage.users.count()).toBe(1)
      })

      it('rejects a second user with the same username or email, naming the field', async () => {
        const user = userRecord()
        await storage.users.create(user)

        await expect(
          storage.users.create(userRecord({ username: user.username })),
        ).rejects.toMatchObject({
          name: 'DuplicateKeyError',
          field: 'username',
        })
        await expect(
          storage.users.create(userRecord({ email: user.email })),
        ).rejects.toBeInstanceOf(DuplicateKeyError)
        expect(await storage.users.count()).toBe(1)
      })
    })

    describe('clients', () => {
      it('round-trips nested metadata and nulls exactly', async () => {
        const client = clientRecord('usr_a', { email: 'r@example.test', phone: null })

        await storage.clients.create(client)

        expect(await storage.clients.get(client.client_id)).toEqual(client)
      })

      it('updates only the given fields and answers null for an unknown client', async () => {
        const client = clientRecord('usr_a', { email: 'old@example.test' })
        await storage.clients.create(client)

        const updated = await storage.clients.update(client.client_id, {
          first_name: 'Renamed',
          email: null,
          updated_at: tick(),
        })

        expect(updated).toMatchObject({ first_name: 'Renamed', last_name: 'Ashby', email: null })
        expect(await storage.clients.get(client.client_id)).toEqual(updated)
        expect(await storage.clients.update(newId('client'), { updated_at: tick() })).toBeNull()
      })

      it('pages newest first with a total, filtered by owner', async () => {
        const mine = []

        for (let index = 0; index < 5; index++) {
          const client = clientRecord('usr_a', { first_name: `Mine${index}` })
          mine.push(client)
          await storage.clients.create(client)
        }

        await storage.clients.create(clientRecord('usr_b'))

        const first = await storage.clients.list({ createdBy: 'usr_a', offset: 0, limit: 2 })
        const last = await storage.clients.list({ createdBy: 'usr_a', offset: 4, limit: 2 })
        const everyone = await storage.clients.list({ offset: 0, limit: 100 })

        expect(first.total).toBe(5)
        expect(first.items.map((client) => client.first_name)).toEqual(['Mine4', 'Mine3'])
        expect(last.items.map((client) => client.first_name)).toEqual(['Mine0'])
        expect(everyone.total).toBe(6)
      })

      it('searches names and email case-insensitively, with wildcards taken literally', async () => {
        await storage.clients.create(
          clientRecord('usr_a', { first_name: 'Ada', last_name: 'Lovelace' }),
        )
        await storage.clients.create(
          clientRecord('usr_a', { first_name: 'Alan', email: 'turing@example.test' }),
        )
        await storage.clients.create(clientRecord('usr_a', { first_name: '100%_real' }))

        const search = async (text: string) =>
          (await storage.clients.list({ search: text, offset: 0, limit: 10 })).items.map(
            (client) => client.first_name,
          )

        expect(await search('LOVE')).toEqual(['Ada'])
        expect(await search('turing@')).toEqual(['Alan'])
        expect(await search('%')).toEqual(['100%_real'])
        expect(await search('_')).toEqual(['100%_real'])
        expect(await search('a%l')).toEqual([])
      })

      it('deletes a client with its sessions, messages and notes, and nothing else', async () => {
        const doomed = clientRecord('usr_a')
        const kept = clientRecord('usr_a')
        await storage.clients.create(doomed)
        await storage.clients.create(kept)

        const doomedSession = sessionRecord(doomed, { status: 'active' })
        const keptSession = sessionRecord(kept, { status: 'active' })
        await storage.sessions.create(doomedSession)
        await storage.sessions.create(keptSession)
        await storage.messages.appendToActiveSession(doomedSession.session_id, [
          messageRecord(doomedSession.session_id, 'x'),
        ])
        await storage.messages.appendToActiveSession(keptSession.session_id, [
          messageRecord(keptSession.session_id, 'y'),
        ])
        await storage.notes.add({
          id: newId('note'),
          session_id: doomedSession.session_id,
          content: 'n',
          timestamp: tick(),
          author: 'usr_a',
        })

        expect(await storage.clients.delete(doomed.client_id)).toBe(true)
        expect(await storage.clients.delete(doomed.client_id)).toBe(false)
        expect(await storage.sessions.get(doomedSession.session_id)).toBeNull()
        expect(await storage.messages.list(doomedSession.session_id, { limit: 10 })).toEqual([])
        expect(await storage.notes.list(doomedSession.session_id)).toEqual([])
        expect(await storage.messages.list(keptSession.session_id, { limit: 10 })).toHaveLength(1)
        expect(await storage.clients.get(kept.client_id)).toEqual(kept)
      })

      it('counts sessions by status', async () => {
        const client = clientRecord('usr_a')
        await storage.clients.create(client)

        for (const status of [
          'scheduled',
          'scheduled',
          'completed',
          'cancelled',
          'active',
        ] as const) {
          await storage.sessions.create(sessionRecord(client, { status }))
        }

        expect(await storage.clients.sessionCounts(client.client_id)).toEqual({
          total: 5,
          completed: 1,
          scheduled: 2,
        })
        expect(await storage.clients.sessionCounts(newId('client'))).toEqual({
          total: 0,
          completed: 0,
          scheduled: 0,
        })
      })
    })

    describe('sessions', () => {
      it('round-trips a session and patches risk, summary and insights', async () => {
        const client = clientRecord('usr_a')
        const session = sessionRecord(client, { metadata: { room: 3 } })
        await storage.clients.create(client)
        await storage.sessions.create(session)

        expect(await storage.sessions.get(session.session_id)).toEqual(session)

        const risk = {
          flagged: true,
          categories: ['self_harm' as const],
          first_flagged_at: tick(),
          message_ids: ['msg_1'],
        }
        const updated = await storage.sessions.update(session.session_id, {
          risk,
          summary: 'A short summary.',
          insights: [{ type: 'mood', text: 'Anxious', confidence: 0.7 }],
          updated_at: tick(),
        })

        expect(updated).toMatchObject({ risk, summary: 'A short summary.', status: 'scheduled' })
        expect(await storage.sessions.get(session.session_id)).toEqual(updated)
        expect(await storage.sessions.update(newId('session'), { updated_at: tick() })).toBeNull()
      })

      it('applies a transition only from an allowed status', async () => {
        const client = clientRecord('usr_a')
        const session = sessionRecord(client)
        await storage.clients.create(client)
        await storage.sessions.create(session)

        const at = tick()
        const started = await storage.sessions.transition(session.session_id, {
          from: ['scheduled'],
          to: 'active',
          at,
          started_at: at,
        })
        const again = await storage.sessions.transition(session.session_id, {
          from: ['scheduled'],
          to: 'active',
          at,
        })
        const missing = await storage.sessions.transition(newId('session'), {
          from: ['scheduled'],
          to: 'active',
          at,
        })

        expect(started).toMatchObject({ ok: true, session: { status: 'active', started_at: at } })
        expect(again).toEqual({ ok: false, reason: 'wrong_status', current: 'active' })
        expect(missing).toEqual({ ok: false, reason: 'not_found' })
      })

      it('lets exactly one of many concurrent transitions win', async () => {
        const client = clientRecord('usr_a')
        const session = sessionRecord(client)
        await storage.clients.create(client)
        await storage.sessions.create(session)

        const results = await Promise.all(
          Array.from({ length: 10 }, () =>
            storage.sessions.transition(session.session_id, {
              from: ['scheduled'],
              to: 'active',
              at: tick(),
            }),
          ),
        )

        expect(results.filter((result) => result.ok)).toHaveLength(1)
      })

      it('lists by owner, client and statuses, newest scheduled first', async () => {
        const a = clientRecord('usr_a')
        const b = clientRecord('usr_b')
        await storage.clients.create(a)
        await storage.clients.create(b)

        const created = []

        for (const [client, status] of [
          [a, 'scheduled'],
          [a, 'active'],
          [a, 'completed'],
          [b, 'active'],
        ] as const) {
          const session = sessionRecord(client, { status })
          created.push(session)
          await storage.sessions.create(session)
        }

        const ids = (page: { items: { session_id: string }[] }) =>
          page.items.map((session) => session.session_id)

        expect(
          ids(await storage.sessions.list({ createdBy: 'usr_a', offset: 0, limit: 10 })),
        ).toEqual([created[2], created[1], created[0]].map((session) => session!.session_id))
        expect(
          (await storage.sessions.list({ statuses: ['active'], offset: 0, limit: 10 })).total,
        ).toBe(2)
        expect(
          (
            await storage.sessions.list({
              clientId: a.client_id,
              statuses: ['active', 'completed'],
              offset: 0,
              limit: 1,
            })
          ).total,
        ).toBe(2)
        expect(
          (await storage.sessions.listByClient(a.client_id)).map((session) => session.session_id),
        ).toEqual(created.slice(0, 3).map((session) => session.session_id))
      })
    })

    describe('messages', () => {
      it('appends in order to an active session and counts them', async () => {
        const session = await activeSession()
        const first = messageRecord(session.session_id, 'one')
        const second = messageRecord(session.session_id, 'two')

        expect(await storage.messages.appendToActiveSession(session.session_id, [first])).toEqual({
          ok: true,
          messages: [first],
          duplicate: false,
        })
        await storage.messages.appendToActiveSession(session.session_id, [second])

        expect(await storage.messages.list(session.session_id, { limit: 10 })).toEqual([
          first,
          second,
        ])
        expect((await storage.sessions.get(session.session_id))?.message_count).toBe(2)
      })

      it('refuses sessions that are not active or do not exist, storing nothing', async () => {
        const client = clientRecord('usr_a')
        const scheduled = sessionRecord(client)
        await storage.clients.create(client)
        await storage.sessions.create(scheduled)

        expect(
          await storage.messages.appendToActiveSession(scheduled.session_id, [
            messageRecord(scheduled.session_id, 'x'),
          ]),
        ).toEqual({
          ok: false,
          reason: 'session_not_active',
          current: 'scheduled',
        })
        expect(await storage.messages.appendToActiveSession(newId('session'), [])).toEqual({
          ok: false,
          reason: 'session_not_found',
        })
        expect(await storage.messages.list(scheduled.session_id, { limit: 10 })).toEqual([])
        expect((await storage.sessions.get(scheduled.session_id))?.message_count).toBe(0)
      })

      it('reads after a cursor, gives nothing for an unknown cursor, and reads the tail', async () => {
        const session = await activeSession()
        const messages = Array.from({ length: 7 }, (_, index) =>
          messageRecord(session.session_id, `m${index}`),
        )

        for (const message of messages) {
          await storage.messages.appendToActiveSession(session.session_id, [message])
        }

        const contents = (list: { content: string }[]) => list.map((message) => message.content)

        expect(
          contents(
            await storage.messages.list(session.session_id, { after: messages[2]!.id, limit: 2 }),
          ),
        ).toEqual(['m3', 'm4'])
        expect(
          await storage.messages.list(session.session_id, { after: newId('message'), limit: 2 }),
        ).toEqual([])
        expect(contents(await storage.messages.tail(session.session_id, 3))).toEqual([
          'm4',
          'm5',
          'm6',
        ])
      })

      it('rejects a duplicate message id without counting it', async () => {
        const session = await activeSession()
        const message = messageRecord(session.session_id, 'once')
        await storage.messages.appendToActiveSession(session.session_id, [message])

        await expect(
          storage.messages.appendToActiveSession(session.session_id, [message]),
        ).rejects.toThrow()
        expect((await storage.sessions.get(session.session_id))?.message_count).toBe(1)
      })

      it('stores a client_message_id once and answers a repeat with the first message', async () => {
        const session = await activeSession()
        const original = {
          ...messageRecord(session.session_id, 'once'),
          client_message_id: 'retry-1',
        }
        const retry = {
          ...messageRecord(session.session_id, 'again'),
          client_message_id: 'retry-1',
        }

        await storage.messages.appendToActiveSession(session.session_id, [original])
        await storage.sessions.transition(session.session_id, {
          from: ['active'],
          to: 'completed',
          at: tick(),
        })

        expect(await storage.messages.appendToActiveSession(session.session_id, [retry])).toEqual({
          ok: true,
          messages: [original],
          duplicate: true,
        })
        expect(await storage.messages.list(session.session_id, { limit: 10 })).toEqual([original])
      })

      it('finds the reply to a message', async () => {
        const session = await activeSession()
        const question = messageRecord(session.session_id, 'question')
        const reply = {
          ...messageRecord(session.session_id, 'reply'),
          sender_type: 'persona' as const,
          in_reply_to: question.id,
        }

        await storage.messages.appendToActiveSession(session.session_id, [question])
        expect(await storage.messages.findReply(session.session_id, question.id)).toBeNull()

        await storage.messages.appendToActiveSession(session.session_id, [reply])
        expect(await storage.messages.findReply(session.session_id, question.id)).toEqual(reply)
      })
    })

    describe('notes', () => {
      it('lists a session’s notes in time order', async () => {
        const session = await activeSession()
        const first = {
          id: newId('note'),
          session_id: session.session_id,
          content: 'first',
          timestamp: tick(),
          author: 'usr_a',
        }
        const second = { ...first, id: newId('note'), content: 'second', timestamp: tick() }

        await storage.notes.add(second)
        await storage.notes.add(first)

        expect(await storage.notes.list(session.session_id)).toEqual([first, second])
      })
    })

    describe('refresh tokens', () => {
      function token(familyId: string) {
        return {
          token_id: newId('refreshToken'),
          token_hash: newId('refreshToken'),
          user_id: 'usr_a',
          family_id: familyId,
          expires_at: tick(),
          created_at: tick(),
          used_at: null,
          revoked_at: null,
        }
      }

      it('marks a token used exactly once under concurrency', async () => {
        const record = token('fam_1')
        await storage.refreshTokens.create(record)

        const results = await Promise.all(
          Array.from({ length: 10 }, () => storage.refreshTokens.markUsed(record.token_id, tick())),
        )

        expect(results.filter(Boolean)).toHaveLength(1)
        expect((await storage.refreshTokens.getByHash(record.token_hash))?.used_at).not.toBeNull()
      })

      it('revokes a whole family and nothing outside it', async () => {
        const a = token('fam_a')
        const b = token('fam_a')
        const other = token('fam_b')

        for (const record of [a, b, other]) {
          await storage.refreshTokens.create(record)
        }

        await storage.refreshTokens.revokeFamily('fam_a', tick())

        expect((await storage.refreshTokens.getByHash(a.token_hash))?.revoked_at).not.toBeNull()
        expect((await storage.refreshTokens.getByHash(b.token_hash))?.revoked_at).not.toBeNull()
        expect((await storage.refreshTokens.getByHash(other.token_hash))?.revoked_at).toBeNull()
        expect(await storage.refreshTokens.markUsed(b.token_id, tick())).toBe(false)
        expect(await storage.refreshTokens.getByHash('unknown')).toBeNull()
      })
    })

    it('answers ping while open', async () => {
      await expect(storage.ping()).resolves.toBeUndefined()
    })
  })
}

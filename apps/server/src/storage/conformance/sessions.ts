import { describe, expect, it } from 'vitest'

import { newId } from '../../domain/ids.js'
import { DuplicateKeyError, type SessionQuery, type SessionRecord } from '../../ports/storage.js'
import { clientRecord, sessionRecord, tick } from '../fixtures.js'
import { type CurrentStorage, storeSession } from './harness.js'

export function describeSessions(storage: CurrentStorage) {
  async function listed(query: Omit<SessionQuery, 'offset' | 'limit'>, offset = 0, limit = 100) {
    const page = await storage().sessions.list({ ...query, offset, limit })
    return { ids: page.items.map((session) => session.session_id), total: page.total }
  }

  const idsOf = (sessions: SessionRecord[]) => sessions.map((session) => session.session_id)

  describe('sessions', () => {
    it('round-trips nested goals, risk, insights, metadata and nulls exactly', async () => {
      const session = await storeSession(storage(), {
        status: 'completed',
        goals: ['sleep better', 'call a friend'],
        ended_at: tick(),
        message_count: 0,
        risk: {
          flagged: true,
          categories: ['self_harm'],
          first_flagged_at: tick(),
          message_ids: ['msg_1', 'msg_2'],
        },
        summary: 'Talked about sleep.',
        insights: [{ type: 'pattern', text: 'Evenings are hard', confidence: 0.25 }],
        metadata: { room: 3, tags: ['a', 'b'], nested: { deep: null } },
      })
      const sparse = await storeSession(storage(), { status: 'scheduled', started_at: null })

      expect(await storage().sessions.get(session.session_id)).toEqual(session)
      expect(await storage().sessions.get(sparse.session_id)).toEqual(sparse)
      expect(await storage().sessions.get(newId('session'))).toBeNull()
    })

    it('rejects a taken session id and keeps the stored session', async () => {
      const session = await storeSession(storage())
      const client = (await storage().clients.get(session.client_id))!

      await expect(
        storage().sessions.create(sessionRecord(client, { session_id: session.session_id })),
      ).rejects.toBeInstanceOf(DuplicateKeyError)
      expect(await storage().sessions.get(session.session_id)).toEqual(session)
    })

    it('patches risk, summary and insights, returning the new record', async () => {
      const session = await storeSession(storage(), { summary: 'old' })
      const risk = {
        flagged: true,
        categories: ['harm_to_others' as const],
        first_flagged_at: tick(),
        message_ids: ['msg_1'],
      }
      const at = tick()

      const updated = await storage().sessions.update(session.session_id, {
        risk,
        insights: [{ type: 'mood', text: 'Anxious', confidence: 0.7 }],
        updated_at: at,
      })

      expect(updated).toEqual({
        ...session,
        risk,
        insights: [{ type: 'mood', text: 'Anxious', confidence: 0.7 }],
        updated_at: at,
      })
      expect(await storage().sessions.get(session.session_id)).toEqual(updated)

      const cleared = await storage().sessions.update(session.session_id, {
        summary: null,
        updated_at: tick(),
      })

      expect(cleared).toMatchObject({ summary: null, risk, status: 'active' })
      expect(await storage().sessions.update(newId('session'), { updated_at: tick() })).toBeNull()
    })

    it('applies a transition only from an allowed status', async () => {
      const session = await storeSession(storage(), { status: 'scheduled', started_at: null })
      const startedAt = tick()
      const transition = (from: SessionRecord['status'][], to: SessionRecord['status']) =>
        storage().sessions.transition(session.session_id, { from, to, at: tick() })

      const started = await storage().sessions.transition(session.session_id, {
        from: ['scheduled'],
        to: 'active',
        at: startedAt,
        started_at: startedAt,
      })

      expect(started).toEqual({
        ok: true,
        session: { ...session, status: 'active', started_at: startedAt, updated_at: startedAt },
      })
      expect(await transition(['scheduled'], 'active')).toEqual({
        ok: false,
        reason: 'wrong_status',
        current: 'active',
      })

      const endedAt = tick()
      const ended = await storage().sessions.transition(session.session_id, {
        from: ['scheduled', 'active'],
        to: 'completed',
        at: endedAt,
        ended_at: endedAt,
      })

      expect(ended).toMatchObject({
        ok: true,
        session: { status: 'completed', started_at: startedAt, ended_at: endedAt },
      })
      expect(await storage().sessions.get(session.session_id)).toEqual(
        ended.ok ? ended.session : null,
      )
      expect(
        await storage().sessions.transition(newId('session'), {
          from: ['scheduled'],
          to: 'active',
          at: tick(),
        }),
      ).toEqual({ ok: false, reason: 'not_found' })
    })

    it('lets exactly one of many concurrent transitions win', async () => {
      const session = await storeSession(storage(), { status: 'scheduled', started_at: null })

      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          storage().sessions.transition(session.session_id, {
            from: ['scheduled'],
            to: 'active',
            at: tick(),
          }),
        ),
      )

      expect(results.filter((result) => result.ok)).toHaveLength(1)
      expect(results.filter((result) => !result.ok)).toEqual(
        Array.from({ length: 9 }, () => ({ ok: false, reason: 'wrong_status', current: 'active' })),
      )
    })

    it('lists newest scheduled first, filtered by owner, client and statuses', async () => {
      const a = clientRecord('usr_a')
      const b = clientRecord('usr_b')
      const created: SessionRecord[] = []

      for (const [client, status] of [
        [a, 'scheduled'],
        [a, 'active'],
        [a, 'completed'],
        [b, 'active'],
        [b, 'cancelled'],
      ] as const) {
        created.push(await storeSession(storage(), { status }, client))
      }

      const [a1, a2, a3, b1, b2] = idsOf(created)

      expect(await listed({})).toEqual({ ids: [b2, b1, a3, a2, a1], total: 5 })
      expect(await listed({ createdBy: 'usr_a' })).toEqual({ ids: [a3, a2, a1], total: 3 })
      expect(await listed({ clientId: b.client_id })).toEqual({ ids: [b2, b1], total: 2 })
      expect(await listed({ statuses: ['active'] })).toEqual({ ids: [b1, a2], total: 2 })
      expect(await listed({ statuses: ['active', 'completed', 'cancelled'] })).toEqual({
        ids: [b2, b1, a3, a2],
        total: 4,
      })
      expect(
        await listed({ createdBy: 'usr_a', clientId: a.client_id, statuses: ['scheduled'] }),
      ).toEqual({ ids: [a1], total: 1 })
      expect(await listed({ createdBy: 'usr_b', clientId: a.client_id })).toEqual({
        ids: [],
        total: 0,
      })
    })

    it('pages with offset and limit, breaking ties in scheduled_at by session id', async () => {
      const client = clientRecord('usr_a')
      const at = tick()
      const created: SessionRecord[] = []

      for (let index = 0; index < 5; index++) {
        created.push(await storeSession(storage(), { scheduled_at: at }, client))
      }

      const expected = idsOf(created).sort().reverse()

      expect(await listed({}, 0, 2)).toEqual({ ids: expected.slice(0, 2), total: 5 })
      expect(await listed({}, 2, 2)).toEqual({ ids: expected.slice(2, 4), total: 5 })
      expect(await listed({}, 4, 2)).toEqual({ ids: expected.slice(4), total: 5 })
    })

    it('lists one client’s sessions oldest scheduled first', async () => {
      const client = clientRecord('usr_a')
      const march = await storeSession(
        storage(),
        { scheduled_at: '2026-03-01T09:00:00.000Z' },
        client,
      )
      const january = await storeSession(
        storage(),
        { scheduled_at: '2026-01-15T09:00:00.000Z' },
        client,
      )
      const february = await storeSession(
        storage(),
        { scheduled_at: '2026-02-01T09:00:00.000Z' },
        client,
      )
      await storeSession(storage())

      expect(await storage().sessions.listByClient(client.client_id)).toEqual([
        january,
        february,
        march,
      ])
      expect(await storage().sessions.listByClient(newId('client'))).toEqual([])
    })
  })
}

import { describe, expect, it } from 'vitest'

import { newId } from '../../domain/ids.js'
import type { MessageRecord } from '../../ports/storage.js'
import { messageRecord, tick } from '../fixtures.js'
import { type CurrentStorage, storeSession } from './harness.js'

export function describeMessages(storage: CurrentStorage) {
  const contents = (messages: MessageRecord[]) => messages.map((message) => message.content)

  async function countOf(sessionId: string) {
    return (await storage().sessions.get(sessionId))?.message_count
  }

  /** A session holding `count` messages m0, m1, ..., appended one call each. */
  async function transcript(count: number) {
    const session = await storeSession(storage())
    const messages = Array.from({ length: count }, (_, index) =>
      messageRecord(session.session_id, `m${index}`),
    )

    for (const message of messages) {
      await storage().messages.appendToActiveSession(session.session_id, [message])
    }

    return { session, messages }
  }

  describe('messages', () => {
    it('appends in order, counts them and moves updated_at to the last message', async () => {
      const session = await storeSession(storage())
      const first = messageRecord(session.session_id, 'one')
      const batch = [
        messageRecord(session.session_id, 'two'),
        messageRecord(session.session_id, 'three'),
      ]

      expect(await storage().messages.appendToActiveSession(session.session_id, [first])).toEqual({
        ok: true,
        messages: [first],
        duplicate: false,
      })
      expect(await storage().messages.appendToActiveSession(session.session_id, batch)).toEqual({
        ok: true,
        messages: batch,
        duplicate: false,
      })

      expect(await storage().messages.list(session.session_id, { limit: 10 })).toEqual([
        first,
        ...batch,
      ])
      expect(await storage().sessions.get(session.session_id)).toMatchObject({
        message_count: 3,
        updated_at: batch[1]!.timestamp,
      })
    })

    it('round-trips optional fields exactly, absent when not given', async () => {
      const session = await storeSession(storage())
      const plain = messageRecord(session.session_id, 'plain')
      const keyed = {
        ...messageRecord(session.session_id, 'keyed'),
        client_message_id: 'k-1',
        posted_by: newId('user'),
      }
      const reply = {
        ...messageRecord(session.session_id, 'reply'),
        sender_type: 'persona' as const,
        sender_id: 'dr_morgan_hayes',
        in_reply_to: keyed.id,
      }

      await storage().messages.appendToActiveSession(session.session_id, [plain, keyed, reply])
      const stored = await storage().messages.list(session.session_id, { limit: 10 })

      expect(stored).toEqual([plain, keyed, reply])
      expect(Object.keys(stored[0]!).sort()).toEqual(Object.keys(plain).sort())
    })

    it('refuses sessions that are not active or do not exist, storing nothing', async () => {
      for (const status of ['scheduled', 'completed', 'cancelled'] as const) {
        const session = await storeSession(storage(), { status })

        expect(
          await storage().messages.appendToActiveSession(session.session_id, [
            messageRecord(session.session_id, 'x'),
          ]),
        ).toEqual({ ok: false, reason: 'session_not_active', current: status })
        expect(await storage().messages.list(session.session_id, { limit: 10 })).toEqual([])
        expect(await countOf(session.session_id)).toBe(0)
      }

      const missing = newId('session')

      expect(
        await storage().messages.appendToActiveSession(missing, [messageRecord(missing, 'x')]),
      ).toEqual({ ok: false, reason: 'session_not_found' })
    })

    it('stores none of a batch when one message in it fails', async () => {
      const session = await storeSession(storage())
      const stored = messageRecord(session.session_id, 'stored')
      await storage().messages.appendToActiveSession(session.session_id, [stored])

      await expect(
        storage().messages.appendToActiveSession(session.session_id, [
          messageRecord(session.session_id, 'fresh'),
          { ...messageRecord(session.session_id, 'clash'), id: stored.id },
        ]),
      ).rejects.toMatchObject({ name: 'DuplicateKeyError' })

      expect(await storage().messages.list(session.session_id, { limit: 10 })).toEqual([stored])
      expect(await countOf(session.session_id)).toBe(1)
    })

    it('answers a repeated client_message_id with the first message, in any status', async () => {
      const session = await storeSession(storage())
      const original = { ...messageRecord(session.session_id, 'once'), client_message_id: 'c-1' }
      const retry = { ...messageRecord(session.session_id, 'again'), client_message_id: 'c-1' }

      await storage().messages.appendToActiveSession(session.session_id, [original])
      await storage().sessions.transition(session.session_id, {
        from: ['active'],
        to: 'completed',
        at: tick(),
      })

      expect(await storage().messages.appendToActiveSession(session.session_id, [retry])).toEqual({
        ok: true,
        messages: [original],
        duplicate: true,
      })
      expect(await storage().messages.list(session.session_id, { limit: 10 })).toEqual([original])
      expect(await countOf(session.session_id)).toBe(1)
    })

    it('scopes client_message_id to its session', async () => {
      const first = await storeSession(storage())
      const second = await storeSession(storage())
      const key = { client_message_id: 'shared-key' }

      await storage().messages.appendToActiveSession(first.session_id, [
        { ...messageRecord(first.session_id, 'a'), ...key },
      ])
      const result = await storage().messages.appendToActiveSession(second.session_id, [
        { ...messageRecord(second.session_id, 'b'), ...key },
      ])

      expect(result).toMatchObject({ ok: true, duplicate: false })
      expect(await countOf(second.session_id)).toBe(1)
    })

    it('reads after a cursor; an unknown cursor or one from another session gives []', async () => {
      const { session, messages } = await transcript(7)
      const other = await storeSession(storage())
      const foreign = messageRecord(other.session_id, 'elsewhere')
      await storage().messages.appendToActiveSession(other.session_id, [foreign])

      const read = (after: string | undefined, limit: number) =>
        storage().messages.list(session.session_id, { ...(after ? { after } : {}), limit })

      expect(contents(await read(undefined, 3))).toEqual(['m0', 'm1', 'm2'])
      expect(contents(await read(messages[2]!.id, 2))).toEqual(['m3', 'm4'])
      expect(contents(await read(messages[5]!.id, 10))).toEqual(['m6'])
      expect(await read(messages[6]!.id, 10)).toEqual([])
      expect(await read(newId('message'), 10)).toEqual([])
      expect(await read(foreign.id, 10)).toEqual([])
      expect(await storage().messages.list(newId('session'), { limit: 10 })).toEqual([])
    })

    it('walks a long transcript page by page without gaps or repeats', async () => {
      const session = await storeSession(storage())
      const messages = Array.from({ length: 120 }, (_, index) =>
        messageRecord(session.session_id, `m${index}`),
      )

      for (let start = 0; start < messages.length; start += 40) {
        await storage().messages.appendToActiveSession(
          session.session_id,
          messages.slice(start, start + 40),
        )
      }

      const read: MessageRecord[] = []
      let page = await storage().messages.list(session.session_id, { limit: 25 })

      while (page.length > 0) {
        read.push(...page)
        page = await storage().messages.list(session.session_id, {
          after: page.at(-1)!.id,
          limit: 25,
        })
      }

      expect(read).toEqual(messages)
      expect(await countOf(session.session_id)).toBe(120)
    })

    it('reads the most recent messages in transcript order', async () => {
      await transcript(2)
      const { session } = await transcript(7)

      expect(contents(await storage().messages.tail(session.session_id, 3))).toEqual([
        'm4',
        'm5',
        'm6',
      ])
      expect(contents(await storage().messages.tail(session.session_id, 50))).toHaveLength(7)
      expect(await storage().messages.tail(newId('session'), 5)).toEqual([])
    })

    it('finds the reply stored for a message', async () => {
      const session = await storeSession(storage())
      const question = messageRecord(session.session_id, 'question')
      const reply = {
        ...messageRecord(session.session_id, 'reply'),
        sender_type: 'persona' as const,
        in_reply_to: question.id,
      }

      await storage().messages.appendToActiveSession(session.session_id, [question])
      expect(await storage().messages.findReply(session.session_id, question.id)).toBeNull()

      await storage().messages.appendToActiveSession(session.session_id, [reply])
      expect(await storage().messages.findReply(session.session_id, question.id)).toEqual(reply)
      expect(await storage().messages.findReply(newId('session'), question.id)).toBeNull()
    })
  })
}

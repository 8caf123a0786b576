import type { Database } from 'better-sqlite3'

import type {
  AppendResult,
  MessageRecord,
  MessageRepository,
  SessionRecord,
} from '../../ports/storage.js'

const SELECT_MESSAGE =
  'SELECT id, session_id, sender_type, sender_id, content, timestamp FROM messages'

export function createMessageRepository(db: Database): MessageRepository {
  const sessionState = db.prepare<[string], Pick<SessionRecord, 'status' | 'message_count'>>(
    'SELECT status, message_count FROM sessions WHERE session_id = ?',
  )
  const insert = db.prepare(
    `INSERT INTO messages (session_id, seq, id, sender_type, sender_id, content, timestamp)
     VALUES (@session_id, @seq, @id, @sender_type, @sender_id, @content, @timestamp)`,
  )
  const bumpCount = db.prepare(
    'UPDATE sessions SET message_count = ?, updated_at = ? WHERE session_id = ?',
  )
  const seqOf = db.prepare<[string, string], { seq: number }>(
    'SELECT seq FROM messages WHERE session_id = ? AND id = ?',
  )
  const page = db.prepare<[string, number, number], MessageRecord>(
    `${SELECT_MESSAGE} WHERE session_id = ? AND seq > ? ORDER BY seq ASC LIMIT ?`,
  )
  const tail = db.prepare<[string, number], MessageRecord>(
    `${SELECT_MESSAGE} WHERE session_id = ? ORDER BY seq DESC LIMIT ?`,
  )

  // The session row holds the message count, so the next sequence number is known without
  // scanning the transcript: appending costs the same at any length.
  const append = db.transaction((sessionId: string, messages: MessageRecord[]): AppendResult => {
    const session = sessionState.get(sessionId)

    if (!session) {
      return { ok: false, reason: 'session_not_found' }
    }

    if (session.status !== 'active') {
      return { ok: false, reason: 'session_not_active', current: session.status }
    }

    messages.forEach((message, index) => {
      insert.run({ ...message, session_id: sessionId, seq: session.message_count + index + 1 })
    })

    bumpCount.run(
      session.message_count + messages.length,
      messages.at(-1)?.timestamp ?? new Date().toISOString(),
      sessionId,
    )

    return {
      ok: true,
      messages: messages.map((message) => ({ ...message, session_id: sessionId })),
    }
  })

  return {
    async appendToActiveSession(sessionId, messages) {
      return append.immediate(sessionId, messages)
    },
    async list(sessionId, { after, limit }) {
      let afterSeq = 0

      if (after !== undefined) {
        const cursor = seqOf.get(sessionId, after)

        if (!cursor) {
          return []
        }

        afterSeq = cursor.seq
      }

      return page.all(sessionId, afterSeq, limit)
    },
    async tail(sessionId, limit) {
      return tail.all(sessionId, limit).reverse()
    },
  }
}

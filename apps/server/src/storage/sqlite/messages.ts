import type { Database } from 'better-sqlite3'

import type {
  AppendResult,
  MessageRecord,
  MessageRepository,
  SessionRecord,
} from '../../ports/storage.js'

const SELECT_MESSAGE = `SELECT id, session_id, sender_type, sender_id, content, timestamp,
  client_message_id, in_reply_to FROM messages`

type MessageRow = Omit<MessageRecord, 'client_message_id' | 'in_reply_to'> & {
  client_message_id: string | null
  in_reply_to: string | null
}

/** Optional fields are absent rather than null, as in the contract. */
function toRecord(row: MessageRow): MessageRecord {
  const { client_message_id, in_reply_to, ...message } = row

  return {
    ...message,
    ...(client_message_id !== null ? { client_message_id } : {}),
    ...(in_reply_to !== null ? { in_reply_to } : {}),
  }
}

export function createMessageRepository(db: Database): MessageRepository {
  const sessionState = db.prepare<[string], Pick<SessionRecord, 'status' | 'message_count'>>(
    'SELECT status, message_count FROM sessions WHERE session_id = ?',
  )
  const insert = db.prepare(
    `INSERT INTO messages (session_id, seq, id, sender_type, sender_id, content, timestamp,
       client_message_id, in_reply_to)
     VALUES (@session_id, @seq, @id, @sender_type, @sender_id, @content, @timestamp,
       @client_message_id, @in_reply_to)`,
  )
  const bumpCount = db.prepare(
    'UPDATE sessions SET message_count = ?, updated_at = ? WHERE session_id = ?',
  )
  const seqOf = db.prepare<[string, string], { seq: number }>(
    'SELECT seq FROM messages WHERE session_id = ? AND id = ?',
  )
  const byClientMessageId = db.prepare<[string, string], MessageRow>(
    `${SELECT_MESSAGE} WHERE session_id = ? AND client_message_id = ?`,
  )
  const replyTo = db.prepare<[string, string], MessageRow>(
    `${SELECT_MESSAGE} WHERE session_id = ? AND in_reply_to = ? ORDER BY seq LIMIT 1`,
  )
  const page = db.prepare<[string, number, number], MessageRow>(
    `${SELECT_MESSAGE} WHERE session_id = ? AND seq > ? ORDER BY seq ASC LIMIT ?`,
  )
  const tail = db.prepare<[string, number], MessageRow>(
    `${SELECT_MESSAGE} WHERE session_id = ? ORDER BY seq DESC LIMIT ?`,
  )

  // The session row holds the message count, so the next sequence number is known without
  // scanning the transcript: appending costs the same at any length.
  const append = db.transaction((sessionId: string, messages: MessageRecord[]): AppendResult => {
    const key = messages[0]?.client_message_id
    const earlier = key === undefined ? undefined : byClientMessageId.get(sessionId, key)

    if (earlier) {
      return { ok: true, messages: [toRecord(earlier)], duplicate: true }
    }

    const session = sessionState.get(sessionId)

    if (!session) {
      return { ok: false, reason: 'session_not_found' }
    }

    if (session.status !== 'active') {
      return { ok: false, reason: 'session_not_active', current: session.status }
    }

    messages.forEach((message, index) => {
      insert.run({
        client_message_id: null,
        in_reply_to: null,
        ...message,
        session_id: sessionId,
        seq: session.message_count + index + 1,
      })
    })

    bumpCount.run(
      session.message_count + messages.length,
      messages.at(-1)?.timestamp ?? new Date().toISOString(),
      sessionId,
    )

    return {
      ok: true,
      messages: messages.map((message) => ({ ...message, session_id: sessionId })),
      duplicate: false,
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

      return page.all(sessionId, afterSeq, limit).map(toRecord)
    },
    async tail(sessionId, limit) {
      return tail.all(sessionId, limit).reverse().map(toRecord)
    },
    async findReply(sessionId, messageId) {
      const row = replyTo.get(sessionId, messageId)
      return row ? toRecord(row) : null
    },
  }
}

import type { Database } from 'better-sqlite3'

import type {
  AppendResult,
  MessageRecord,
  MessageRepository,
  SessionRecord,
} from '../../ports/storage.js'
import { withDuplicateKeys } from './duplicate-key.js'

type OptionalField = 'client_message_id' | 'in_reply_to' | 'posted_by'

type MessageRow = Omit<MessageRecord, OptionalField> & Record<OptionalField, string | null>

const SELECT_MESSAGE = `SELECT id, session_id, sender_type, sender_id, content, timestamp,
  client_message_id, in_reply_to, posted_by FROM messages`

function toRow(message: MessageRecord, sessionId: string): MessageRow {
  return {
    id: message.id,
    session_id: sessionId,
    sender_type: message.sender_type,
    sender_id: message.sender_id,
    content: message.content,
    timestamp: message.timestamp,
    client_message_id: message.client_message_id ?? null,
    in_reply_to: message.in_reply_to ?? null,
    posted_by: message.posted_by ?? null,
  }
}

/** Optional fields are absent rather than null, as in the contract. */
function toRecord(row: MessageRow): MessageRecord {
  const { client_message_id, in_reply_to, posted_by, ...message } = row

  return {
    ...message,
    ...(client_message_id !== null ? { client_message_id } : {}),
    ...(in_reply_to !== null ? { in_reply_to } : {}),
    ...(posted_by !== null ? { posted_by } : {}),
  }
}

export function createMessageRepository(db: Database): MessageRepository {
  const sessionStatus = db.prepare<[string], Pick<SessionRecord, 'status'>>(
    'SELECT status FROM sessions WHERE session_id = ?',
  )
  // MAX over the primary key is one seek to the end of the session's range, at any length.
  const lastSeq = db.prepare<[string], { seq: number }>(
    'SELECT COALESCE(MAX(seq), 0) AS seq FROM messages WHERE session_id = ?',
  )
  const insert = db.prepare<[MessageRow & { seq: number }]>(
    `INSERT INTO messages (session_id, seq, id, sender_type, sender_id, content, timestamp,
       client_message_id, in_reply_to, posted_by)
     VALUES (@session_id, @seq, @id, @sender_type, @sender_id, @content, @timestamp,
       @client_message_id, @in_reply_to, @posted_by)`,
  )
  const bumpCount = db.prepare<[number, string, string]>(
    `UPDATE sessions SET message_count = message_count + ?, updated_at = ?
     WHERE session_id = ?`,
  )
  const byClientMessageId = db.prepare<[string, string], MessageRow>(
    `${SELECT_MESSAGE} WHERE session_id = ? AND client_message_id = ?`,
  )
  const replyTo = db.prepare<[string, string], MessageRow>(
    `${SELECT_MESSAGE} WHERE in_reply_to = ? AND session_id = ? ORDER BY seq LIMIT 1`,
  )
  const first = db.prepare<[string, number], MessageRow>(
    `${SELECT_MESSAGE} WHERE session_id = ? ORDER BY seq LIMIT ?`,
  )
  // An unknown cursor makes the subquery NULL, and `seq > NULL` matches nothing.
  const after = db.prepare<{ session_id: string; after: string; limit: number }, MessageRow>(
    `${SELECT_MESSAGE} WHERE session_id = @session_id
       AND seq > (SELECT seq FROM messages WHERE session_id = @session_id AND id = @after)
     ORDER BY seq LIMIT @limit`,
  )
  const tail = db.prepare<[string, number], MessageRow>(
    `${SELECT_MESSAGE} WHERE session_id = ? ORDER BY seq DESC LIMIT ?`,
  )

  const append = db.transaction((sessionId: string, messages: MessageRecord[]): AppendResult => {
    const key = messages[0]?.client_message_id
    const earlier = key === undefined ? undefined : byClientMessageId.get(sessionId, key)

    if (earlier) {
      return { ok: true, messages: [toRecord(earlier)], duplicate: true }
    }

    const session = sessionStatus.get(sessionId)

    if (!session) {
      return { ok: false, reason: 'session_not_found' }
    }

    if (session.status !== 'active') {
      return { ok: false, reason: 'session_not_active', current: session.status }
    }

    const rows = messages.map((message) => toRow(message, sessionId))
    const start = lastSeq.get(sessionId)!.seq

    rows.forEach((row, index) => insert.run({ ...row, seq: start + index + 1 }))

    if (rows.length > 0) {
      bumpCount.run(rows.length, rows.at(-1)!.timestamp, sessionId)
    }

    return { ok: true, messages: rows.map(toRecord), duplicate: false }
  })

  return {
    async appendToActiveSession(sessionId, messages) {
      return withDuplicateKeys(() => append.immediate(sessionId, messages))
    },

    async findReply(sessionId, messageId) {
      const row = replyTo.get(messageId, sessionId)
      return row ? toRecord(row) : null
    },

    async list(sessionId, options) {
      const rows =
        options.after === undefined
          ? first.all(sessionId, options.limit)
          : after.all({ session_id: sessionId, after: options.after, limit: options.limit })

      return rows.map(toRecord)
    },

    async tail(sessionId, limit) {
      return tail.all(sessionId, limit).reverse().map(toRecord)
    },
  }
}

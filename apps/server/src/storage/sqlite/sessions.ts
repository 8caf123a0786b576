import type { Database } from 'better-sqlite3'

import type {
  SessionPatch,
  SessionQuery,
  SessionRecord,
  SessionRepository,
  SessionTransition,
  TransitionResult,
} from '../../ports/storage.js'
import { withDuplicateKeys } from './duplicate-key.js'
import { fromJson, toJson } from './json-columns.js'
import { statementCache } from './statements.js'

type JsonField = 'goals' | 'risk' | 'insights' | 'metadata'

type SessionRow = Omit<SessionRecord, JsonField> & Record<JsonField, string>

const COLUMNS = [
  'session_id',
  'client_id',
  'persona_id',
  'status',
  'goals',
  'duration_minutes',
  'scheduled_at',
  'started_at',
  'ended_at',
  'created_at',
  'created_by',
  'updated_at',
  'message_count',
  'risk',
  'summary',
  'insights',
  'metadata',
] as const

function toRecord(row: SessionRow): SessionRecord {
  return {
    ...row,
    goals: fromJson(row.goals),
    risk: fromJson(row.risk),
    insights: fromJson(row.insights),
    metadata: fromJson(row.metadata),
  }
}

function toRow(session: SessionRecord): SessionRow {
  return {
    ...session,
    goals: toJson(session.goals),
    risk: toJson(session.risk),
    insights: toJson(session.insights),
    metadata: toJson(session.metadata),
  }
}

function applyPatch(session: SessionRecord, patch: SessionPatch): SessionRecord {
  return {
    ...session,
    risk: patch.risk ?? session.risk,
    summary: patch.summary !== undefined ? patch.summary : session.summary,
    insights: patch.insights ?? session.insights,
    updated_at: patch.updated_at,
  }
}

/**
 * The WHERE clause of a listing; each filter alone is an index range in listing order. Several
 * statuses without an owner or client filter are found by index but sorted before paging.
 */
function filterOf(query: SessionQuery) {
  const conditions: string[] = []
  const parameters: Record<string, unknown> = { limit: query.limit, offset: query.offset }

  if (query.createdBy !== undefined) {
    conditions.push('created_by = @created_by')
    parameters.created_by = query.createdBy
  }

  if (query.clientId !== undefined) {
    conditions.push('client_id = @client_id')
    parameters.client_id = query.clientId
  }

  if (query.statuses?.length) {
    const names = query.statuses.map((status, index) => {
      parameters[`status_${index}`] = status
      return `@status_${index}`
    })
    conditions.push(`status IN (${names.join(', ')})`)
  }

  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', parameters }
}

export function createSessionRepository(db: Database): SessionRepository {
  const statement = statementCache(db)
  const insert = db.prepare<[SessionRow]>(
    `INSERT INTO sessions (${COLUMNS.join(', ')})
     VALUES (${COLUMNS.map((column) => `@${column}`).join(', ')})`,
  )
  const byId = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE session_id = ?')
  const byClient = db.prepare<[string], SessionRow>(
    'SELECT * FROM sessions WHERE client_id = ? ORDER BY scheduled_at ASC, session_id ASC',
  )
  const writePatch = db.prepare<[SessionRow]>(
    `UPDATE sessions SET risk = @risk, summary = @summary, insights = @insights,
       updated_at = @updated_at
     WHERE session_id = @session_id`,
  )
  const writeStatus = db.prepare<[SessionRow]>(
    `UPDATE sessions SET status = @status, started_at = @started_at, ended_at = @ended_at,
       updated_at = @updated_at
     WHERE session_id = @session_id`,
  )

  const update = db.transaction((sessionId: string, patch: SessionPatch) => {
    const row = byId.get(sessionId)

    if (!row) {
      return null
    }

    const next = applyPatch(toRecord(row), patch)
    writePatch.run(toRow(next))

    return next
  })

  // The status is read and written under the write lock (BEGIN IMMEDIATE), so of two
  // processes racing from the same status only the first finds it still there.
  const transition = db.transaction(
    (sessionId: string, change: SessionTransition): TransitionResult => {
      const row = byId.get(sessionId)

      if (!row) {
        return { ok: false, reason: 'not_found' }
      }

      if (!change.from.includes(row.status)) {
        return { ok: false, reason: 'wrong_status', current: row.status }
      }

      const next: SessionRecord = {
        ...toRecord(row),
        status: change.to,
        started_at: change.started_at ?? row.started_at,
        ended_at: change.ended_at ?? row.ended_at,
        updated_at: change.at,
      }
      writeStatus.run(toRow(next))

      return { ok: true, session: next }
    },
  )

  const list = db.transaction((query: SessionQuery) => {
    const { where, parameters } = filterOf(query)
    const total = statement<[Record<string, unknown>], { total: number }>(
      `SELECT COUNT(*) AS total FROM sessions ${where}`,
    ).get(parameters)!.total
    const rows = statement<[Record<string, unknown>], SessionRow>(
      `SELECT * FROM sessions ${where}
       ORDER BY scheduled_at DESC, session_id DESC LIMIT @limit OFFSET @offset`,
    ).all(parameters)

    return { items: rows.map(toRecord), total }
  })

  return {
    async create(session) {
      withDuplicateKeys(() => insert.run(toRow(session)))
    },

    async get(sessionId) {
      const row = byId.get(sessionId)
      return row ? toRecord(row) : null
    },

    async update(sessionId, patch) {
      return update.immediate(sessionId, patch)
    },

    async transition(sessionId, change) {
      return transition.immediate(sessionId, change)
    },

    async list(query) {
      return list(query)
    },

    async listByClient(clientId) {
      return byClient.all(clientId).map(toRecord)
    },
  }
}

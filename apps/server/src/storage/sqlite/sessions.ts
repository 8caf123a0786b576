import type { Database } from 'better-sqlite3'

import {
  DuplicateKeyError,
  type SessionRecord,
  type SessionRepository,
  type TransitionResult,
} from '../../ports/storage.js'
import { fromJson, isUniqueViolation, toJson, violatedColumn } from './json-columns.js'
import { statementCache } from './statements.js'

const JSON_FIELDS = ['goals', 'risk', 'insights', 'metadata'] as const

type SessionRow = Omit<SessionRecord, (typeof JSON_FIELDS)[number]> &
  Record<(typeof JSON_FIELDS)[number], string>

export function toSessionRecord(row: SessionRow): SessionRecord {
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
]

export function createSessionRepository(db: Database): SessionRepository {
  const statement = statementCache(db)
  const insert = db.prepare(
    `INSERT INTO sessions (${COLUMNS.join(', ')})
     VALUES (${COLUMNS.map((column) => `@${column}`).join(', ')})`,
  )
  const byId = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE session_id = ?')
  const byClient = db.prepare<[string], SessionRow>(
    'SELECT * FROM sessions WHERE client_id = ? ORDER BY scheduled_at ASC, session_id ASC',
  )

  const update = db.transaction((sessionId: string, patch: Record<string, unknown>) => {
    const current = byId.get(sessionId)

    if (!current) {
      return null
    }

    const next = toSessionRecord(current)
    Object.assign(
      next,
      Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)),
    )
    const row = toRow(next)

    statement(
      `UPDATE sessions SET risk = @risk, summary = @summary, insights = @insights,
         updated_at = @updated_at WHERE session_id = @session_id`,
    ).run(row)

    return next
  })

  const transition = db.transaction(
    (
      sessionId: string,
      change: Parameters<SessionRepository['transition']>[1],
    ): TransitionResult => {
      const current = byId.get(sessionId)

      if (!current) {
        return { ok: false, reason: 'not_found' }
      }

      if (!change.from.includes(current.status)) {
        return { ok: false, reason: 'wrong_status', current: current.status }
      }

      const next: SessionRow = {
        ...current,
        status: change.to,
        updated_at: change.at,
        started_at: change.started_at ?? current.started_at,
        ended_at: change.ended_at ?? current.ended_at,
      }

      statement(
        `UPDATE sessions SET status = @status, updated_at = @updated_at, started_at = @started_at,
           ended_at = @ended_at WHERE session_id = @session_id`,
      ).run(next)

      return { ok: true, session: toSessionRecord(next) }
    },
  )

  return {
    async create(session) {
      try {
        insert.run(toRow(session))
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new DuplicateKeyError(violatedColumn(error))
        }

        throw error
      }
    },
    async get(sessionId) {
      const row = byId.get(sessionId)
      return row ? toSessionRecord(row) : null
    },
    async update(sessionId, patch) {
      return update.immediate(sessionId, patch)
    },
    async transition(sessionId, change) {
      return transition.immediate(sessionId, change)
    },
    async list(query) {
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

      const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''
      const total = statement<Record<string, unknown>, { total: number }>(
        `SELECT COUNT(*) AS total FROM sessions ${where}`,
      ).get(parameters)!.total
      const rows = statement<Record<string, unknown>, SessionRow>(
        `SELECT * FROM sessions ${where}
         ORDER BY scheduled_at DESC, session_id DESC LIMIT @limit OFFSET @offset`,
      ).all(parameters)

      return { items: rows.map(toSessionRecord), total }
    },
    async listByClient(clientId) {
      return byClient.all(clientId).map(toSessionRecord)
    },
  }
}

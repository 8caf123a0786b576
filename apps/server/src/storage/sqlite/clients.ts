import type { Database } from 'better-sqlite3'

import { type ClientRecord, type ClientRepository, DuplicateKeyError } from '../../ports/storage.js'
import { statementCache } from './statements.js'
import { fromJson, isUniqueViolation, likePattern, toJson, violatedColumn } from './json-columns.js'

type ClientRow = Omit<ClientRecord, 'metadata'> & { metadata: string }

const toRecord = (row: ClientRow): ClientRecord => ({ ...row, metadata: fromJson(row.metadata) })

const UPDATABLE = [
  'first_name',
  'last_name',
  'email',
  'phone',
  'date_of_birth',
  'metadata',
] as const

export function createClientRepository(db: Database): ClientRepository {
  const statement = statementCache(db)
  const insert = db.prepare(
    `INSERT INTO clients (client_id, first_name, last_name, email, phone, date_of_birth, metadata,
       created_at, created_by, updated_at)
     VALUES (@client_id, @first_name, @last_name, @email, @phone, @date_of_birth, @metadata,
       @created_at, @created_by, @updated_at)`,
  )
  const byId = db.prepare<[string], ClientRow>('SELECT * FROM clients WHERE client_id = ?')
  const remove = db.prepare('DELETE FROM clients WHERE client_id = ?')
  const counts = db.prepare<[string], { total: number; completed: number; scheduled: number }>(
    `SELECT COUNT(*) AS total,
       COALESCE(SUM(status = 'completed'), 0) AS completed,
       COALESCE(SUM(status = 'scheduled'), 0) AS scheduled
     FROM sessions WHERE client_id = ?`,
  )

  const update = db.transaction((clientId: string, patch: Record<string, unknown>) => {
    const current = byId.get(clientId)

    if (!current) {
      return null
    }

    const next: ClientRow = { ...current, updated_at: patch.updated_at as string }

    for (const field of UPDATABLE) {
      if (patch[field] !== undefined) {
        ;(next as Record<string, unknown>)[field] =
          field === 'metadata' ? toJson(patch[field]) : patch[field]
      }
    }

    statement(
      `UPDATE clients SET first_name = @first_name, last_name = @last_name, email = @email,
         phone = @phone, date_of_birth = @date_of_birth, metadata = @metadata,
         updated_at = @updated_at
       WHERE client_id = @client_id`,
    ).run(next)

    return toRecord(next)
  })

  return {
    async create(client) {
      try {
        insert.run({ ...client, metadata: toJson(client.metadata) })
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new DuplicateKeyError(violatedColumn(error))
        }

        throw error
      }
    },
    async get(clientId) {
      const row = byId.get(clientId)
      return row ? toRecord(row) : null
    },
    async update(clientId, patch) {
      return update.immediate(clientId, patch)
    },
    async delete(clientId) {
      // Sessions, messages and notes go with the client through ON DELETE CASCADE, in the
      // same implicit transaction as this statement.
      return remove.run(clientId).changes === 1
    },
    async list(query) {
      const conditions: string[] = []
      const parameters: Record<string, unknown> = { limit: query.limit, offset: query.offset }

      if (query.createdBy !== undefined) {
        conditions.push('created_by = @created_by')
        parameters.created_by = query.createdBy
      }

      if (query.search !== undefined) {
        conditions.push(
          `(first_name LIKE @search ESCAPE '\\' OR last_name LIKE @search ESCAPE '\\'
            OR email LIKE @search ESCAPE '\\')`,
        )
        parameters.search = likePattern(query.search)
      }

      const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''
      const total = statement<Record<string, unknown>, { total: number }>(
        `SELECT COUNT(*) AS total FROM clients ${where}`,
      ).get(parameters)!.total
      const rows = statement<Record<string, unknown>, ClientRow>(
        `SELECT * FROM clients ${where}
           ORDER BY created_at DESC, client_id DESC LIMIT @limit OFFSET @offset`,
      ).all(parameters)

      return { items: rows.map(toRecord), total }
    },
    async sessionCounts(clientId) {
      return counts.get(clientId)!
    },
  }
}

import type { Database } from 'better-sqlite3'

import type {
  ClientPatch,
  ClientQuery,
  ClientRecord,
  ClientRepository,
  SessionCounts,
} from '../../ports/storage.js'
import { withDuplicateKeys } from './duplicate-key.js'
import { fromJson, toJson } from './json-columns.js'
import { statementCache } from './statements.js'

type ClientRow = Omit<ClientRecord, 'metadata'> & { metadata: string }

const PATCHABLE = [
  'first_name',
  'last_name',
  'email',
  'phone',
  'date_of_birth',
  'metadata',
] as const

function toRecord(row: ClientRow): ClientRecord {
  return { ...row, metadata: fromJson(row.metadata) }
}

function toRow(client: ClientRecord): ClientRow {
  return { ...client, metadata: toJson(client.metadata) }
}

function applyPatch(client: ClientRecord, patch: ClientPatch): ClientRecord {
  const next = { ...client, updated_at: patch.updated_at }

  for (const field of PATCHABLE) {
    if (patch[field] !== undefined) {
      Object.assign(next, { [field]: patch[field] })
    }
  }

  return next
}

/**
 * The WHERE clause of a listing. Search uses instr, not LIKE, so `%`, `_` and `\` in the
 * user's text match themselves; casefold makes it case-insensitive beyond ASCII.
 *
 * Limitation: a substring cannot be looked up in a B-tree, so a search reads every client in
 * the owner filter, or every client when there is none (admins, supervisors). An FTS5 trigram
 * index would lift that once client lists grow past tens of thousands.
 */
function filterOf(query: ClientQuery) {
  const conditions: string[] = []
  const parameters: Record<string, unknown> = { limit: query.limit, offset: query.offset }

  if (query.createdBy !== undefined) {
    conditions.push('created_by = @created_by')
    parameters.created_by = query.createdBy
  }

  if (query.search !== undefined) {
    conditions.push(
      `(instr(casefold(first_name), @needle) > 0 OR instr(casefold(last_name), @needle) > 0
        OR instr(casefold(email), @needle) > 0)`,
    )
    parameters.needle = query.search.toLowerCase()
  }

  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', parameters }
}

export function createClientRepository(db: Database): ClientRepository {
  const statement = statementCache(db)
  const insert = db.prepare<[ClientRow]>(
    `INSERT INTO clients (client_id, first_name, last_name, email, phone, date_of_birth, metadata,
       created_at, created_by, updated_at)
     VALUES (@client_id, @first_name, @last_name, @email, @phone, @date_of_birth, @metadata,
       @created_at, @created_by, @updated_at)`,
  )
  const byId = db.prepare<[string], ClientRow>('SELECT * FROM clients WHERE client_id = ?')
  const write = db.prepare<[ClientRow]>(
    `UPDATE clients SET first_name = @first_name, last_name = @last_name, email = @email,
       phone = @phone, date_of_birth = @date_of_birth, metadata = @metadata,
       updated_at = @updated_at
     WHERE client_id = @client_id`,
  )
  const remove = db.prepare<[string]>('DELETE FROM clients WHERE client_id = ?')
  const counts = db.prepare<[{ client_id: string; created_by: string | null }], SessionCounts>(
    `SELECT COUNT(*) AS total,
       COALESCE(SUM(status = 'completed'), 0) AS completed,
       COALESCE(SUM(status = 'scheduled'), 0) AS scheduled
     FROM sessions
     WHERE client_id = @client_id AND (@created_by IS NULL OR created_by = @created_by)`,
  )

  // Read and write under one write lock, so an update from another process is never lost.
  const update = db.transaction((clientId: string, patch: ClientPatch) => {
    const row = byId.get(clientId)

    if (!row) {
      return null
    }

    const next = applyPatch(toRecord(row), patch)
    write.run(toRow(next))

    return next
  })

  // One read transaction, so the total and the page come from the same snapshot.
  const list = db.transaction((query: ClientQuery) => {
    const { where, parameters } = filterOf(query)
    const total = statement<[Record<string, unknown>], { total: number }>(
      `SELECT COUNT(*) AS total FROM clients ${where}`,
    ).get(parameters)!.total
    const rows = statement<[Record<string, unknown>], ClientRow>(
      `SELECT * FROM clients ${where}
       ORDER BY created_at DESC, client_id DESC LIMIT @limit OFFSET @offset`,
    ).all(parameters)

    return { items: rows.map(toRecord), total }
  })

  return {
    async create(client) {
      withDuplicateKeys(() => insert.run(toRow(client)))
    },

    async get(clientId) {
      const row = byId.get(clientId)
      return row ? toRecord(row) : null
    },

    async update(clientId, patch) {
      return update.immediate(clientId, patch)
    },

    async delete(clientId) {
      // ON DELETE CASCADE removes sessions, then their messages and notes, inside this one
      // statement: a failure anywhere undoes all of it.
      return remove.run(clientId).changes === 1
    },

    async list(query) {
      return list(query)
    },

    async sessionCounts(clientId, createdBy) {
      return counts.get({ client_id: clientId, created_by: createdBy ?? null })!
    },
  }
}

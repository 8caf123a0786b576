import type { Database } from 'better-sqlite3'

import type { NoteRecord, NoteRepository } from '../../ports/storage.js'
import { withDuplicateKeys } from './duplicate-key.js'

export function createNoteRepository(db: Database): NoteRepository {
  const insert = db.prepare<[NoteRecord]>(
    `INSERT INTO notes (id, session_id, content, timestamp, author)
     VALUES (@id, @session_id, @content, @timestamp, @author)`,
  )
  const bySession = db.prepare<[string], NoteRecord>(
    `SELECT id, session_id, content, timestamp, author FROM notes
     WHERE session_id = ? ORDER BY timestamp, id`,
  )

  return {
    async add(note) {
      withDuplicateKeys(() => insert.run(note))
    },

    async list(sessionId) {
      return bySession.all(sessionId)
    },
  }
}

import { chmodSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'

import Database from 'better-sqlite3'

import type { Storage } from '../../ports/storage.js'
import { createClientRepository } from './clients.js'
import { createMessageRepository } from './messages.js'
import { createNoteRepository } from './notes.js'
import { createRefreshTokenRepository } from './refresh-tokens.js'
import { migrate } from './schema.js'
import { createSessionRepository } from './sessions.js'
import { createUserRepository } from './users.js'

export const DATABASE_FILE = 'smartsteps.db'

/** How long a write waits for another process holding the lock before giving up. */
const BUSY_TIMEOUT_MS = 10_000

/**
 * The embedded store: one SQLite database in the data directory. WAL with synchronous=FULL
 * makes every acknowledged commit durable across a crash or kill -9; SQLite's file locks keep
 * several processes on one directory consistent.
 */
export function createSqliteStorage({ dataDir }: { dataDir: string }): Storage {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })

  const file = join(dataDir, DATABASE_FILE)
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS })

  chmodSync(file, 0o600)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  migrate(db)

  const ping = db.prepare('SELECT 1')

  return {
    users: createUserRepository(db),
    clients: createClientRepository(db),
    sessions: createSessionRepository(db),
    messages: createMessageRepository(db),
    notes: createNoteRepository(db),
    refreshTokens: createRefreshTokenRepository(db),
    async ping() {
      ping.get()
    },
    async close() {
      if (db.open) {
        db.close()
      }
    },
  }
}

import type { Storage } from '../../ports/storage.js'
import { createApiKeyRepository } from './api-keys.js'
import { createClientRepository } from './clients.js'
import { type DatabaseOptions, openDatabase } from './database.js'
import { createLoginAttemptRepository } from './login-attempts.js'
import { createMessageRepository } from './messages.js'
import { createNoteRepository } from './notes.js'
import { createPasswordResetRepository } from './password-resets.js'
import { createRefreshTokenRepository } from './refresh-tokens.js'
import { migrate } from './schema.js'
import { createSessionRepository } from './sessions.js'
import { createUserRepository } from './users.js'

export { DATABASE_FILE } from './database.js'

export interface SqliteStorageOptions extends DatabaseOptions {
  /** Directory holding the database; created owner-only (0700) when missing. */
  dataDir: string
}

/**
 * The embedded store: one SQLite file in the data directory, nothing to start. Every
 * acknowledged write is committed and synced, so it survives kill -9; several server
 * processes may share one data directory, SQLite's locks keep them consistent.
 *
 * @example
 * const storage = createSqliteStorage({ dataDir: './data' })
 */
export function createSqliteStorage({ dataDir, ...options }: SqliteStorageOptions): Storage {
  const db = openDatabase(dataDir, options)

  try {
    migrate(db)
  } catch (error) {
    db.close()
    throw error
  }

  const ping = db.prepare('SELECT 1')

  return {
    users: createUserRepository(db),
    clients: createClientRepository(db),
    sessions: createSessionRepository(db),
    messages: createMessageRepository(db),
    notes: createNoteRepository(db),
    refreshTokens: createRefreshTokenRepository(db),
    apiKeys: createApiKeyRepository(db),
    passwordResets: createPasswordResetRepository(db),
    loginAttempts: createLoginAttemptRepository(db),

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

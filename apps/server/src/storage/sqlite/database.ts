import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs'
import { join } from 'node:path'

import Database from 'better-sqlite3'

export const DATABASE_FILE = 'smartsteps.db'

/** How long a write waits for another process holding the lock before it fails. */
const BUSY_TIMEOUT_MS = 10_000

export interface DatabaseOptions {
  /** Called with every statement the connection runs, parameters filled in (tests, debugging). */
  verbose?: (sql: string) => void
}

/**
 * Opens the database file of a data directory, creating both if needed, with the settings
 * every connection must share: WAL so readers never block the writer, synchronous=FULL so an
 * acknowledged commit is on disk, a busy timeout so a second process waits for the lock
 * instead of failing, and foreign keys so deleting a client takes its records with it.
 */
export function openDatabase(dataDir: string, options: DatabaseOptions = {}): Database.Database {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })

  const file = join(dataDir, DATABASE_FILE)

  // Created owner-only before SQLite touches it (no window where it is world-readable); SQLite
  // gives the -wal and -shm files the mode of the database file.
  closeSync(openSync(file, 'a', 0o600))
  chmodSync(file, 0o600)

  const db = new Database(file, {
    timeout: BUSY_TIMEOUT_MS,
    ...(options.verbose ? { verbose: (sql: unknown) => options.verbose!(String(sql)) } : {}),
  })

  try {
    configure(db)
  } catch (error) {
    db.close()
    throw error
  }

  return db
}

function configure(db: Database.Database): void {
  const mode = retryWhileBusy(() => db.pragma('journal_mode = WAL', { simple: true }))

  if (mode !== 'wal') {
    throw new Error(
      `SQLite could not switch ${db.name} to WAL mode (got ${String(mode)}); keep the data directory on a local disk`,
    )
  }

  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')

  // SQLite's own LOWER and LIKE fold ASCII only; search must match "Zoë" for "ZOË" too.
  db.function('casefold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? text.toLowerCase() : null,
  )
}

/**
 * Switching the journal mode needs a moment of exclusive access, and SQLite reports a busy
 * database at once instead of calling the busy handler when another process is opening the
 * same file. Retrying for the busy timeout lets processes start together on one directory.
 */
function retryWhileBusy<T>(operation: () => T): T {
  const deadline = Date.now() + BUSY_TIMEOUT_MS
  const pause = new Int32Array(new SharedArrayBuffer(4))

  for (;;) {
    try {
      return operation()
    } catch (error) {
      if (!isBusy(error) || Date.now() > deadline) throw error

      Atomics.wait(pause, 0, 0, 5 + Math.random() * 20)
    }
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code

  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED'
}

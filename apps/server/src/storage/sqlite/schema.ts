import type { Database } from 'better-sqlite3'

import { MIGRATIONS } from './migrations.js'

export const SCHEMA_VERSION = MIGRATIONS.length

/**
 * Brings the schema up to date. The version check and the migrations run under BEGIN
 * IMMEDIATE, which takes the write lock before reading the version: when two processes start
 * together, the second waits and then finds nothing left to do. A failing migration rolls
 * back whole, leaving the file at the version before it.
 */
export function migrate(db: Database): void {
  if (readVersion(db) === SCHEMA_VERSION) {
    return
  }

  db.transaction(() => {
    const current = readVersion(db)

    if (current > SCHEMA_VERSION) {
      throw new Error(
        `The data directory was written by a newer Smart Steps (schema ${current}, this one knows ${SCHEMA_VERSION}); upgrade the server`,
      )
    }

    for (const migration of MIGRATIONS.slice(current)) {
      db.exec(migration)
    }

    db.pragma(`user_version = ${SCHEMA_VERSION}`)
  }).immediate()
}

function readVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

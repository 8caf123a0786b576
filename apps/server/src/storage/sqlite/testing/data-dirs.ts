import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import Database from 'better-sqlite3'

import { DATABASE_FILE } from '../database.js'

/** Fresh data directories under the OS temp dir, all removed by removeAll. */
export function dataDirs() {
  const made: string[] = []

  async function make(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'smartsteps-sqlite-'))
    made.push(dir)
    return dir
  }

  async function removeAll(): Promise<void> {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
  }

  return { make, removeAll }
}

/** A plain connection to a data directory's database, bypassing the adapter: the tests' side door. */
export function rawDatabase(dataDir: string): Database.Database {
  return new Database(join(dataDir, DATABASE_FILE))
}

export function integrityCheck(dataDir: string): string {
  const db = rawDatabase(dataDir)

  try {
    return db.pragma('integrity_check', { simple: true }) as string
  } finally {
    db.close()
  }
}

/** Inserts records as plain rows, nested values as JSON text, as an older release wrote them. */
export function insertRows(dataDir: string, table: string, records: object[]): void {
  const db = rawDatabase(dataDir)

  try {
    for (const record of records) {
      const row = Object.entries(record).map(([column, value]) =>
        value !== null && typeof value === 'object'
          ? [column, JSON.stringify(value)]
          : [column, value],
      )
      const columns = row.map(([column]) => column).join(', ')
      const values = row.map(([column]) => `@${column}`).join(', ')

      db.prepare(`INSERT INTO ${table} (${columns}) VALUES (${values})`).run(
        Object.fromEntries(row),
      )
    }
  } finally {
    db.close()
  }
}

import type { Database, Statement } from 'better-sqlite3'

/** Prepares each distinct SQL text once; listings build a few variants from their filters. */
export function statementCache(db: Database) {
  const cache = new Map<string, Statement>()

  return function statement<Parameters extends unknown[] | object, Row>(sql: string) {
    let prepared = cache.get(sql)

    if (!prepared) {
      prepared = db.prepare(sql)
      cache.set(sql, prepared)
    }

    return prepared as unknown as Statement<Parameters, Row>
  }
}

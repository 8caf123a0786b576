import type { Database, Statement } from 'better-sqlite3'

/**
 * Prepares each distinct SQL text once. Listings build their SQL from the filters given, so
 * they cannot prepare up front; the variants are few (one per combination of filters).
 */
export function statementCache(db: Database) {
  const cache = new Map<string, Statement<unknown[], unknown>>()

  return function statement<Parameters extends unknown[], Row>(sql: string) {
    let prepared = cache.get(sql)

    if (!prepared) {
      prepared = db.prepare(sql)
      cache.set(sql, prepared)
    }

    return prepared as Statement<Parameters, Row>
  }
}

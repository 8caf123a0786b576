import type { Database } from 'better-sqlite3'

import type { LoginAttemptRepository, LoginAttemptResult } from '../../ports/storage.js'

interface Attempt {
  at: string
  since: string
  limit: number
}

export function createLoginAttemptRepository(db: Database): LoginAttemptRepository {
  const forgetBefore = db.prepare<[string]>('DELETE FROM login_attempts WHERE attempted_at < ?')
  const recent = db.prepare<[string, string, number], { attempted_at: string }>(
    `SELECT attempted_at FROM login_attempts WHERE key = ? AND attempted_at >= ?
     ORDER BY attempted_at LIMIT ?`,
  )
  const insert = db.prepare<[string, string]>(
    'INSERT INTO login_attempts (key, attempted_at) VALUES (?, ?)',
  )
  const clear = db.prepare<[string]>('DELETE FROM login_attempts WHERE key = ?')

  // Count and record under the write lock, so parallel guesses from any number of processes
  // never all see a count below the limit.
  const begin = db.transaction((key: string, attempt: Attempt): LoginAttemptResult => {
    forgetBefore.run(attempt.since)

    const attempts = recent.all(key, attempt.since, attempt.limit)

    if (attempts.length >= attempt.limit) {
      return { ok: false, oldest: attempts[0]!.attempted_at }
    }

    insert.run(key, attempt.at)

    return { ok: true }
  })

  return {
    async begin(key, attempt) {
      return begin.immediate(key, attempt)
    },

    async clear(key) {
      clear.run(key)
    },
  }
}

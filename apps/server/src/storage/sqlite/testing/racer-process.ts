/**
 * A child process for the cross-process race tests. It talks one line at a time:
 *
 *   "open"                          opens the store (migrating a new one), answers "opened"
 *   "go <session id> <token id>"    tries the scheduled -> active transition and spending the
 *                                   token at once, answers "<won|reason> <true|false>", exits
 *
 * Usage: node --import tsx racer-process.ts <dataDir>
 */
import { createInterface } from 'node:readline'

import type { Storage } from '../../../ports/storage.js'
import { createSqliteStorage } from '../index.js'

const [dataDir] = process.argv.slice(2) as [string]
let storage: Storage | undefined

process.stdout.write('started\n')

for await (const line of createInterface({ input: process.stdin })) {
  const [command, sessionId, tokenId] = line.split(' ') as [string, string, string]

  if (command === 'open') {
    storage = createSqliteStorage({ dataDir })
    process.stdout.write('opened\n')
  }

  if (command === 'go' && storage) {
    const at = new Date().toISOString()
    const [transition, used] = await Promise.all([
      storage.sessions.transition(sessionId, {
        from: ['scheduled'],
        to: 'active',
        at,
        started_at: at,
      }),
      storage.refreshTokens.markUsed(tokenId, at),
    ])

    process.stdout.write(`${transition.ok ? 'won' : transition.reason} ${used}\n`)
    await storage.close()
    process.exit(0)
  }
}

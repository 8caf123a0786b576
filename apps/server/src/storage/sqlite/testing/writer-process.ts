/**
 * A child process for the durability tests: opens the store in the given data directory and
 * writes until it is killed, one message and one client per round. It prints
 * "<message id> <client id>" only after the store acknowledged both writes.
 *
 * Usage: node --import tsx writer-process.ts <dataDir> <active session id> <label>
 */
import { newId } from '../../../domain/ids.js'
import { clientRecord } from '../../fixtures.js'
import { createSqliteStorage } from '../index.js'

const [dataDir, sessionId, label] = process.argv.slice(2) as [string, string, string]
const storage = createSqliteStorage({ dataDir })

for (let round = 0; ; round++) {
  const message = {
    id: newId('message'),
    session_id: sessionId,
    sender_type: 'client' as const,
    sender_id: 'cli_writer',
    content: `${label} ${round}`,
    timestamp: new Date().toISOString(),
  }
  const result = await storage.messages.appendToActiveSession(sessionId, [message])

  if (!result.ok) {
    process.stderr.write(`append refused: ${JSON.stringify(result)}\n`)
    process.exit(2)
  }

  const client = clientRecord('usr_writer', { first_name: `${label} ${round}` })
  await storage.clients.create(client)

  process.stdout.write(`${message.id} ${client.client_id}\n`)
}

/**
 * A child process for the durability tests: opens the store in the given directory and writes
 * until it is killed, printing the id of each write only after the store acknowledged it.
 *
 * Usage: writer-process.ts <dataDir> <sessionId> <label>
 */
import { newId } from '../../../domain/ids.js'
import { clientRecord } from '../../fixtures.js'
import { createSqliteStorage } from '../index.js'

const [dataDir, sessionId, label] = process.argv.slice(2) as [string, string, string]
const storage = createSqliteStorage({ dataDir })

for (let index = 0; ; index++) {
  const message = {
    id: newId('message'),
    session_id: sessionId,
    sender_type: 'client' as const,
    sender_id: 'cli_writer',
    content: `${label} ${index}`,
    timestamp: new Date().toISOString(),
  }
  const result = await storage.messages.appendToActiveSession(sessionId, [message])

  if (!result.ok) {
    process.stderr.write(`append refused: ${JSON.stringify(result)}\n`)
    process.exit(2)
  }

  const client = clientRecord('usr_writer', { first_name: label })
  await storage.clients.create(client)

  process.stdout.write(`${message.id} ${client.client_id}\n`)
}

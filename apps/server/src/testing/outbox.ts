import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'

import { OUTBOX_DIR } from '../notifications/outbox-notifier.js'
import type { TestServer } from './test-server.js'

export interface OutboxMessage {
  kind: string
  to: string
  username: string
  link: string | null
  token: string
  expires_at: string
}

/**
 * The messages the outbox notifier wrote since the last call, oldest first, once every reset
 * requested so far has been delivered; the files are removed.
 */
export async function takeOutbox(server: TestServer): Promise<OutboxMessage[]> {
  await server.services.passwordResets.settled()

  const outbox = join(server.dataDir, OUTBOX_DIR)
  const files = (await readdir(outbox).catch(() => [])).sort()
  const messages = await Promise.all(
    files.map(async (file) => JSON.parse(await readFile(join(outbox, file), 'utf8'))),
  )

  await Promise.all(files.map((file) => rm(join(outbox, file))))

  return messages
}

import { fileURLToPath } from 'node:url'

import { afterEach, describe, expect, it } from 'vitest'

import type { Storage } from '../../ports/storage.js'
import { storeSession } from '../conformance/harness.js'
import { clientRecord, refreshTokenRecord, sessionRecord } from '../fixtures.js'
import { createSqliteStorage } from './index.js'
import { SCHEMA_VERSION } from './schema.js'
import { childProcesses } from './testing/children.js'
import { dataDirs, integrityCheck, rawDatabase } from './testing/data-dirs.js'

const WRITER = fileURLToPath(new URL('./testing/writer-process.ts', import.meta.url))
const RACER = fileURLToPath(new URL('./testing/racer-process.ts', import.meta.url))

describe('sqlite storage across processes', { timeout: 20_000 }, () => {
  const children = childProcesses()
  const dirs = dataDirs()
  const opened: Storage[] = []

  afterEach(async () => {
    await children.killAll()
    await Promise.all(opened.splice(0).map((storage) => storage.close()))
    await dirs.removeAll()
  })

  function open(dataDir: string): Storage {
    const storage = createSqliteStorage({ dataDir })
    opened.push(storage)
    return storage
  }

  /** Every "<message id> <client id>" line a writer printed must be in the store. */
  async function expectAcknowledged(storage: Storage, sessionId: string, lines: string[]) {
    const messages = await storage.messages.list(sessionId, { limit: 1_000_000 })
    const stored = new Set(messages.map((message) => message.id))
    const missing: string[] = []

    for (const line of lines) {
      const [messageId, clientId] = line.split(' ') as [string, string]

      if (!stored.has(messageId) || !(await storage.clients.get(clientId))) {
        missing.push(line)
      }
    }

    expect(missing).toEqual([])
    expect((await storage.sessions.get(sessionId))?.message_count).toBe(messages.length)
  }

  it('keeps every acknowledged write after kill -9', async () => {
    const dataDir = await dirs.make()
    const setup = open(dataDir)
    const { session_id: sessionId } = await storeSession(setup)
    await setup.close()

    const writer = children.start(WRITER, [dataDir, sessionId, 'durable'])
    await writer.waitForLines(300)
    await writer.kill()

    expect(integrityCheck(dataDir)).toBe('ok')
    await expectAcknowledged(open(dataDir), sessionId, writer.lines)
  })

  it('stays consistent with two processes writing one data directory', async () => {
    const dataDir = await dirs.make()
    const storage = open(dataDir)
    const { session_id: sessionId } = await storeSession(storage)

    const first = children.start(WRITER, [dataDir, sessionId, 'first'])
    const second = children.start(WRITER, [dataDir, sessionId, 'second'])
    await Promise.all([first.waitForLines(200), second.waitForLines(200)])
    await Promise.all([first.kill(), second.kill()])

    const messages = await storage.messages.list(sessionId, { limit: 1_000_000 })

    expect(integrityCheck(dataDir)).toBe('ok')
    expect(new Set(messages.map((message) => message.content)).size).toBe(messages.length)
    await expectAcknowledged(storage, sessionId, [...first.lines, ...second.lines])
  })

  it('migrates a new directory once when processes start together, and one racer wins', async () => {
    const dataDir = await dirs.make()
    const racers = Array.from({ length: 4 }, () => children.start(RACER, [dataDir]))

    await Promise.all(racers.map((racer) => racer.waitForLines(1)))
    racers.forEach((racer) => racer.send('open'))
    await Promise.all(racers.map((racer) => racer.waitForLines(2)))

    const storage = open(dataDir)
    const client = clientRecord('usr_owner')
    const session = sessionRecord(client)
    const token = refreshTokenRecord('fam_race')
    await storage.clients.create(client)
    await storage.sessions.create(session)
    await storage.refreshTokens.create(token)

    racers.forEach((racer) => racer.send(`go ${session.session_id} ${token.token_id}`))
    await Promise.all(racers.map((racer) => racer.waitForLines(3)))

    const results = racers.map((racer) => racer.lines[2]!.split(' '))
    const db = rawDatabase(dataDir)
    const version = db.pragma('user_version', { simple: true })
    db.close()

    expect(version).toBe(SCHEMA_VERSION)
    expect(results.filter(([transition]) => transition === 'won')).toHaveLength(1)
    expect(results.filter(([transition]) => transition === 'wrong_status')).toHaveLength(3)
    expect(results.filter(([, used]) => used === 'true')).toHaveLength(1)
    expect(await storage.sessions.get(session.session_id)).toMatchObject({ status: 'active' })
  })
})

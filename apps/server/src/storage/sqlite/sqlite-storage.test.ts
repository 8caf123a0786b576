import { stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import type { Storage } from '../../ports/storage.js'
import { describeStorageConformance } from '../conformance.js'
import { storeSession } from '../conformance/harness.js'
import { clientRecord, messageRecord, noteRecord, sessionRecord } from '../fixtures.js'
import { DATABASE_FILE } from './database.js'
import { createSqliteStorage } from './index.js'
import { MIGRATIONS } from './migrations.js'
import { SCHEMA_VERSION } from './schema.js'
import { dataDirs, insertRows, integrityCheck, rawDatabase } from './testing/data-dirs.js'

const conformanceDirs = dataDirs()

describeStorageConformance('sqlite', async () => {
  const storage = createSqliteStorage({ dataDir: await conformanceDirs.make() })

  return {
    storage,
    async cleanup() {
      await storage.close()
      await conformanceDirs.removeAll()
    },
  }
})

describe('sqlite storage on disk', () => {
  const dirs = dataDirs()
  const opened: Storage[] = []

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((storage) => storage.close()))
    await dirs.removeAll()
  })

  function open(dataDir: string): Storage {
    const storage = createSqliteStorage({ dataDir })
    opened.push(storage)
    return storage
  }

  /** Runs SQL on a second connection, as another process would. */
  function onTheSide(dataDir: string, sql: string) {
    const db = rawDatabase(dataDir)

    try {
      db.exec(sql)
    } finally {
      db.close()
    }
  }

  const modeOf = async (path: string) => (await stat(path)).mode & 0o777

  it('creates a missing data directory owner-only, and every database file 0600', async () => {
    const dataDir = join(await dirs.make(), 'nested', 'data')
    await storeSession(open(dataDir))

    expect(await modeOf(dataDir)).toBe(0o700)

    for (const suffix of ['', '-wal', '-shm']) {
      expect(await modeOf(join(dataDir, DATABASE_FILE + suffix))).toBe(0o600)
    }
  })

  it('tightens a database file others could read', async () => {
    const dataDir = await dirs.make()
    await writeFile(join(dataDir, DATABASE_FILE), '', { mode: 0o644 })

    open(dataDir)

    expect(await modeOf(join(dataDir, DATABASE_FILE))).toBe(0o600)
  })

  it('answers ping until closed, then rejects', async () => {
    const storage = open(await dirs.make())

    await expect(storage.ping()).resolves.toBeUndefined()
    await storage.close()
    await expect(storage.ping()).rejects.toThrow()
    await expect(storage.close()).resolves.toBeUndefined()
  })

  it('refuses a data directory written by a newer schema, and leaves it as it was', async () => {
    const dataDir = await dirs.make()
    await open(dataDir).close()
    onTheSide(dataDir, `PRAGMA user_version = ${SCHEMA_VERSION + 1}`)

    expect(() => createSqliteStorage({ dataDir })).toThrow(/newer Smart Steps/)

    const db = rawDatabase(dataDir)
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1)
    db.close()
  })

  it('upgrades a version 2 data directory without losing its records', async () => {
    const dataDir = await dirs.make()
    const session = sessionRecord(clientRecord('usr_owner'), { status: 'active' })
    const question = messageRecord(session.session_id, 'question')
    const reply = { ...messageRecord(session.session_id, 'reply'), in_reply_to: question.id }

    // Written the way a release on schema 2 wrote it: its migrations, then plain rows.
    onTheSide(dataDir, [...MIGRATIONS.slice(0, 2), 'PRAGMA user_version = 2'].join(';'))
    insertRows(dataDir, 'clients', [clientRecord('usr_owner', { client_id: session.client_id })])
    insertRows(dataDir, 'sessions', [{ ...session, message_count: 2 }])
    insertRows(dataDir, 'messages', [
      { ...question, seq: 1 },
      { ...reply, seq: 2 },
    ])

    const storage = open(dataDir)
    const upgraded = rawDatabase(dataDir)

    expect(upgraded.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    upgraded.close()
    expect(await storage.sessions.get(session.session_id)).toEqual({ ...session, message_count: 2 })
    expect(await storage.messages.list(session.session_id, { limit: 10 })).toEqual([
      question,
      reply,
    ])
    expect(await storage.messages.findReply(session.session_id, question.id)).toEqual(reply)
    expect(integrityCheck(dataDir)).toBe('ok')
  })

  it('undoes a client delete that fails half-way through its cascade', async () => {
    const dataDir = await dirs.make()
    const storage = open(dataDir)
    const session = await storeSession(storage)
    const messages = [
      messageRecord(session.session_id, 'a'),
      messageRecord(session.session_id, 'b'),
    ]
    const note = noteRecord(session.session_id)
    await storage.messages.appendToActiveSession(session.session_id, messages)
    await storage.notes.add(note)

    // Fails inside the cascade: the client's and session's rows are being deleted by then.
    onTheSide(
      dataDir,
      `CREATE TRIGGER fail_note_delete BEFORE DELETE ON notes
       BEGIN SELECT RAISE(ABORT, 'forced failure'); END`,
    )
    await expect(storage.clients.delete(session.client_id)).rejects.toThrow('forced failure')
    onTheSide(dataDir, 'DROP TRIGGER fail_note_delete')

    expect(await storage.clients.get(session.client_id)).not.toBeNull()
    expect(await storage.sessions.get(session.session_id)).toMatchObject({ message_count: 2 })
    expect(await storage.messages.list(session.session_id, { limit: 10 })).toEqual(messages)
    expect(await storage.notes.list(session.session_id)).toEqual([note])
    expect(integrityCheck(dataDir)).toBe('ok')
  })

  it('undoes an append whose message count update fails', async () => {
    const dataDir = await dirs.make()
    const storage = open(dataDir)
    const session = await storeSession(storage)
    const kept = messageRecord(session.session_id, 'kept')
    await storage.messages.appendToActiveSession(session.session_id, [kept])

    onTheSide(
      dataDir,
      `CREATE TRIGGER fail_count BEFORE UPDATE OF message_count ON sessions
       BEGIN SELECT RAISE(ABORT, 'forced failure'); END`,
    )
    await expect(
      storage.messages.appendToActiveSession(session.session_id, [
        messageRecord(session.session_id, 'lost'),
      ]),
    ).rejects.toThrow('forced failure')
    onTheSide(dataDir, 'DROP TRIGGER fail_count')

    expect(await storage.messages.list(session.session_id, { limit: 10 })).toEqual([kept])
    expect(await storage.sessions.get(session.session_id)).toMatchObject({ message_count: 1 })
  })
})

import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'

import { describeStorageConformance } from '../conformance.js'
import { clientRecord, sessionRecord, tick } from '../fixtures.js'
import { createSqliteStorage, DATABASE_FILE } from './index.js'

const WRITER = fileURLToPath(new URL('./testing/writer-process.ts', import.meta.url))
const REPO_ROOT = fileURLToPath(new URL('../../../../../', import.meta.url))

async function tempDir() {
  return mkdtemp(join(tmpdir(), 'smartsteps-sqlite-'))
}

describeStorageConformance('sqlite', async () => {
  const dataDir = await tempDir()
  const storage = createSqliteStorage({ dataDir })

  return {
    storage,
    async cleanup() {
      await storage.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
})

describe('sqlite storage on disk', () => {
  const children: ChildProcess[] = []
  const folders: string[] = []

  afterEach(async () => {
    for (const child of children.splice(0)) {
      child.kill('SIGKILL')
    }

    await Promise.all(
      folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })),
    )
  })

  async function storeWithActiveSession() {
    const dataDir = await tempDir()
    folders.push(dataDir)

    const storage = createSqliteStorage({ dataDir })
    const client = clientRecord('usr_owner')
    const session = sessionRecord(client, { status: 'active', started_at: tick() })

    await storage.clients.create(client)
    await storage.sessions.create(session)

    return { dataDir, storage, sessionId: session.session_id }
  }

  /** Starts a writer; resolves with its acknowledged lines once it has printed `atLeast`. */
  function startWriter(dataDir: string, sessionId: string, label: string, atLeast: number) {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, sessionId, label], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const acknowledged: string[] = []
    let buffered = ''
    let errors = ''

    children.push(child)
    child.stderr!.on('data', (chunk) => (errors += chunk))

    const reached = new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        buffered += chunk.toString()
        const lines = buffered.split('\n')
        buffered = lines.pop()!
        acknowledged.push(...lines)

        if (acknowledged.length >= atLeast) {
          resolve()
        }
      })
      child.once('exit', (code) => reject(new Error(`writer exited early (${code}): ${errors}`)))
    })

    return { child, acknowledged, reached }
  }

  function killAndWait(child: ChildProcess) {
    return new Promise<void>((resolve) => {
      child.once('exit', () => resolve())
      child.kill('SIGKILL')
    })
  }

  function integrity(dataDir: string): string {
    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true })

    try {
      return db.pragma('integrity_check', { simple: true }) as string
    } finally {
      db.close()
    }
  }

  it('keeps every acknowledged write after kill -9', async () => {
    const { dataDir, storage, sessionId } = await storeWithActiveSession()
    await storage.close()

    const writer = startWriter(dataDir, sessionId, 'durable', 300)
    await writer.reached
    await killAndWait(writer.child)

    const acknowledged = [...writer.acknowledged]
    const reopened = createSqliteStorage({ dataDir })
    const stored = new Set(
      (await reopened.messages.list(sessionId, { limit: 100_000 })).map((message) => message.id),
    )

    for (const line of acknowledged) {
      const [messageId, clientId] = line.split(' ') as [string, string]
      expect(stored.has(messageId)).toBe(true)
      expect(await reopened.clients.get(clientId)).not.toBeNull()
    }

    expect((await reopened.sessions.get(sessionId))?.message_count).toBe(stored.size)
    await reopened.close()
    expect(integrity(dataDir)).toBe('ok')
  })

  it('stays consistent with two processes writing one data directory', async () => {
    const { dataDir, storage, sessionId } = await storeWithActiveSession()
    const first = startWriter(dataDir, sessionId, 'first', 200)
    const second = startWriter(dataDir, sessionId, 'second', 200)

    await Promise.all([first.reached, second.reached])
    await Promise.all([killAndWait(first.child), killAndWait(second.child)])

    const messages = await storage.messages.list(sessionId, { limit: 100_000 })
    const stored = new Set(messages.map((message) => message.id))
    const acknowledged = [...first.acknowledged, ...second.acknowledged].map(
      (line) => line.split(' ')[0]!,
    )

    expect(acknowledged.every((id) => stored.has(id))).toBe(true)
    expect(new Set(messages.map((message) => message.content)).size).toBe(messages.length)
    expect((await storage.sessions.get(sessionId))?.message_count).toBe(messages.length)
    await storage.close()
    expect(integrity(dataDir)).toBe('ok')
  })

  it('reads listings and transcripts through indexes, never a full table scan', async () => {
    const { dataDir, storage } = await storeWithActiveSession()
    await storage.close()

    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true })
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((row) => row.detail)
        .join('; ')
    const queries = [
      "SELECT * FROM clients WHERE created_by = 'u' ORDER BY created_at DESC, client_id DESC LIMIT 20 OFFSET 0",
      "SELECT * FROM sessions WHERE created_by = 'u' ORDER BY scheduled_at DESC, session_id DESC LIMIT 20",
      "SELECT * FROM sessions WHERE client_id = 'c' ORDER BY scheduled_at DESC, session_id DESC LIMIT 20",
      "SELECT * FROM sessions WHERE status IN ('active') ORDER BY scheduled_at DESC, session_id DESC LIMIT 20",
      "SELECT * FROM messages WHERE session_id = 's' AND seq > 10 ORDER BY seq ASC LIMIT 50",
      "SELECT * FROM messages WHERE session_id = 's' ORDER BY seq DESC LIMIT 12",
      "SELECT seq FROM messages WHERE session_id = 's' AND id = 'm'",
      "SELECT * FROM notes WHERE session_id = 's' ORDER BY timestamp, id",
    ]

    try {
      for (const query of queries) {
        const detail = plan(query)

        expect(detail, query).toMatch(/SEARCH/)
        expect(detail, query).not.toMatch(/SCAN (clients|sessions|messages|notes)\b(?! USING)/)
      }
    } finally {
      db.close()
    }
  })

  it('leaves stored data intact when a write fails', async () => {
    const { storage, sessionId } = await storeWithActiveSession()
    const client = clientRecord('usr_owner')
    await storage.clients.create(client)

    await expect(storage.clients.create({ ...client, first_name: 'Overwrite' })).rejects.toThrow()
    await expect(
      storage.sessions.create(
        sessionRecord(client, { session_id: sessionId, status: 'completed' }),
      ),
    ).rejects.toThrow()

    expect((await storage.clients.get(client.client_id))?.first_name).toBe(client.first_name)
    expect((await storage.sessions.get(sessionId))?.status).toBe('active')
    await storage.close()
  })

  it('creates the database readable by its owner only', async () => {
    const { dataDir, storage } = await storeWithActiveSession()
    const { stat } = await import('node:fs/promises')

    expect((await stat(join(dataDir, DATABASE_FILE))).mode & 0o077).toBe(0)
    expect((await stat(dataDir)).mode & 0o077).toBe(0)
    await storage.close()
  })
})

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { loadConfig } from './config/load.js'
import { createLogger } from './logger.js'
import { startServer } from './server.js'

describe('first start', () => {
  const folders: string[] = []

  afterEach(async () => {
    await Promise.all(
      folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })),
    )
  })

  async function start(dataDir: string, adminPassword?: string) {
    const config = loadConfig({ env: { SMARTSTEPS_DATA_DIR: dataDir, SMARTSTEPS_PORT: '0' } })
    const announced: Array<string | null> = []
    const server = await startServer(config, {
      adminPassword,
      logger: createLogger('silent'),
      onAdminCreated: (password) => announced.push(password),
    })

    return { server, announced }
  }

  it('creates the admin once with a generated password that logs in', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'smartsteps-first-start-'))
    folders.push(dataDir)

    const first = await start(dataDir)
    const password = first.announced[0]!

    expect(password.length).toBeGreaterThanOrEqual(20)

    const login = await fetch(`${first.server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    })
    expect(login.status).toBe(200)
    await first.server.close()

    const second = await start(dataDir, 'a-different-password')
    expect(second.announced).toEqual([])
    await second.server.close()
  })

  it('uses the configured admin password and refuses one the password policy refuses', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'smartsteps-first-start-'))
    folders.push(dataDir)

    await expect(start(dataDir, 'short')).rejects.toThrowError(/at least 12/)
    await expect(start(dataDir, 'admin1234567')).rejects.toThrowError(
      'SMARTSTEPS_ADMIN_PASSWORD must not be a commonly used password',
    )

    const { server, announced } = await start(dataDir, 'configured-password')
    expect(announced).toEqual([null])
    await server.close()
  })
})

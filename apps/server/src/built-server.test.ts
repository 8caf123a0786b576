import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

import { HealthSchema, TokenResponseSchema } from '@smartsteps/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// What `pnpm start` runs. The bundle orders modules itself, so a start-up fault it alone has
// (a module read before it is initialised) never shows in tests that import the sources.
const BUNDLE = fileURLToPath(new URL('../dist/main.js', import.meta.url))
const ADMIN_PASSWORD = 'built-server-admin-password'

describe('the built server', () => {
  // Made in beforeAll and removed in afterAll, which runs even when the server fails to start.
  const dataDir = mkdtempSync(join(tmpdir(), 'smartsteps-built-'))
  let child: ChildProcess
  let origin: string

  beforeAll(async () => {
    if (!existsSync(BUNDLE)) {
      throw new Error(`${BUNDLE} is missing: run pnpm build (pnpm test builds first)`)
    }

    child = spawn(process.execPath, [BUNDLE, '--host', '127.0.0.1', '--port', '0'], {
      env: {
        ...process.env,
        SMARTSTEPS_DATA_DIR: dataDir,
        SMARTSTEPS_ADMIN_PASSWORD: ADMIN_PASSWORD,
        SMARTSTEPS_LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    origin = await listeningOrigin(child)
  })

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGKILL')
      await exited
    }

    rmSync(dataDir, { recursive: true, force: true })
  })

  it('starts, reports healthy and signs the admin in', async () => {
    const health = HealthSchema.parse(await (await fetch(`${origin}/api/health`)).json())
    const login = await fetch(`${origin}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    })

    expect(health.status).toBe('ok')
    expect(login.status).toBe(200)
    expect(TokenResponseSchema.parse(await login.json()).token).toEqual(expect.any(String))
  })
})

/** Resolves with the address from the server's "listening" log line; rejects if it exits first. */
function listeningOrigin(child: ChildProcess): Promise<string> {
  let stderr = ''

  child.stderr!.on('data', (chunk) => (stderr += chunk))

  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)))

    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { msg?: string; port?: number }

      if (entry.msg === 'listening') {
        resolve(`http://127.0.0.1:${entry.port}`)
      }
    })
  })
}

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { Storage } from '../ports/storage.js'
import { createSqliteStorage } from '../storage/sqlite/index.js'
import { createLoginLockout } from './login-lockout.js'

describe('login lockout windows', () => {
  let dataDir: string
  let storage: Storage

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.parse('2026-03-01T09:00:00.000Z'))
    dataDir = await mkdtemp(join(tmpdir(), 'smartsteps-lockout-'))
    storage = createSqliteStorage({ dataDir })
  })

  afterEach(async () => {
    vi.useRealTimers()
    await storage.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  const wrong = () => Promise.reject(new Error('wrong password'))
  const right = () => Promise.resolve('signed in')

  function lockout(enabled = true) {
    return createLoginLockout(storage, { enabled, maxFailures: 3, windowSeconds: 60 })
  }

  it('refuses until the oldest failure leaves the window, then lets one attempt through', async () => {
    const guard = lockout()

    for (const offset of [0, 20_000, 40_000]) {
      vi.setSystemTime(Date.parse('2026-03-01T09:00:00.000Z') + offset)
      await expect(guard.attempt('alice', wrong)).rejects.toThrow('wrong password')
    }

    vi.setSystemTime(Date.parse('2026-03-01T09:00:59.000Z'))
    await expect(guard.attempt('alice', right)).rejects.toMatchObject({
      code: 'rate_limited',
      details: { retry_after_seconds: 1 },
    })

    vi.setSystemTime(Date.parse('2026-03-01T09:01:00.500Z'))
    await expect(guard.attempt('alice', right)).resolves.toBe('signed in')
  })

  it('does not count refused attempts, so knocking on a closed door never extends it', async () => {
    const guard = lockout()

    for (let attempt = 0; attempt < 3; attempt++) {
      await expect(guard.attempt('bob', wrong)).rejects.toThrow()
    }

    for (let second = 1; second < 60; second += 5) {
      vi.setSystemTime(Date.parse('2026-03-01T09:00:00.000Z') + second * 1000)
      await expect(guard.attempt('bob', right)).rejects.toMatchObject({ code: 'rate_limited' })
    }

    vi.setSystemTime(Date.parse('2026-03-01T09:01:00.001Z'))
    await expect(guard.attempt('bob', right)).resolves.toBe('signed in')
  })

  it('forgets a username on request, and does nothing when disabled', async () => {
    const guard = lockout()

    for (let attempt = 0; attempt < 3; attempt++) {
      await expect(guard.attempt('carol', wrong)).rejects.toThrow()
    }

    await guard.forget('Carol')

    await expect(guard.attempt('carol', right)).resolves.toBe('signed in')

    for (let attempt = 0; attempt < 5; attempt++) {
      await expect(lockout(false).attempt('dave', wrong)).rejects.toThrow('wrong password')
    }
  })
})

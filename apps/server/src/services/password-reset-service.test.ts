import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'

import { pino } from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { PasswordResetNotice } from '../ports/notifier.js'
import type { Storage } from '../ports/storage.js'
import { userRecord } from '../storage/fixtures.js'
import { createSqliteStorage } from '../storage/sqlite/index.js'
import { createLoginLockout } from './login-lockout.js'
import { createPasswordResetService } from './password-reset-service.js'
import { createTokenService } from './token-service.js'

describe('password reset service', () => {
  let dataDir: string
  let storage: Storage
  let logLines: string[]
  let notices: PasswordResetNotice[]

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'smartsteps-reset-'))
    storage = createSqliteStorage({ dataDir })
    logLines = []
    notices = []
  })

  afterEach(async () => {
    await storage.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  function service(failing = false) {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk))
        done()
      },
    })

    return createPasswordResetService({
      storage,
      notifier: {
        name: 'test',
        async sendPasswordReset(notice) {
          if (failing) {
            throw new Error('mail server down')
          }

          notices.push(notice)
        },
      },
      tokens: createTokenService(storage, {
        secret: new Uint8Array(32),
        issuer: 'smartsteps',
        audience: 'smartsteps-api',
        accessTtlSeconds: 900,
        refreshTtlSeconds: 3600,
      }),
      lockout: createLoginLockout(storage, { enabled: true, maxFailures: 5, windowSeconds: 900 }),
      logger: pino({ level: 'info' }, sink),
      settings: { tokenTtlSeconds: 1800, linkUrl: undefined },
    })
  }

  it('logs that a reset was requested, and nothing of the token, the email or the username', async () => {
    const user = userRecord({ username: 'private.person', email: 'private@example.test' })
    await storage.users.create(user)
    const resets = service()

    resets.request({ username: 'private.person' })
    await resets.settled()

    expect(notices).toHaveLength(1)
    expect(notices[0]!.link).toBeNull()
    expect(logLines).toHaveLength(1)
    expect(JSON.parse(logLines[0]!)).toMatchObject({ msg: 'password reset requested' })

    for (const secret of [
      notices[0]!.token,
      'private@example.test',
      'private.person',
      user.user_id,
    ]) {
      expect(logLines.join('')).not.toContain(secret)
    }
  })

  it('logs a failed delivery without failing the caller', async () => {
    await storage.users.create(userRecord({ username: 'unlucky.one' }))
    const resets = service(true)

    expect(() => resets.request({ username: 'unlucky.one' })).not.toThrow()
    await resets.settled()

    expect(JSON.parse(logLines[0]!)).toMatchObject({ msg: 'password reset failed' })
  })

  it('sends nothing for external accounts, which have no password here', async () => {
    await storage.users.create(
      userRecord({ username: 'ext.person', password_hash: null, external_subject: 'idp#1' }),
    )
    const resets = service()

    resets.request({ username: 'ext.person' })
    await resets.settled()

    expect(notices).toEqual([])
  })
})

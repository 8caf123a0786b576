import { createHash } from 'node:crypto'
import { readdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { OUTBOX_DIR } from '../notifications/outbox-notifier.js'
import { configSection } from '../testing/config-section.js'
import { startTestServer, type TestServer } from '../testing/test-server.js'

interface OutboxMessage {
  kind: string
  to: string
  username: string
  link: string | null
  token: string
  expires_at: string
}

describe('password reset', () => {
  let server: TestServer
  let outbox: string

  beforeAll(async () => {
    server = await startTestServer({
      security: configSection('security', {
        rate_limiting: { enabled: false },
        password_reset: { link_url: 'https://console.example.org/reset' },
      }),
    })
    outbox = join(server.dataDir, OUTBOX_DIR)
    await server.facilitator('forgetful')
  })

  afterAll(() => server.close())

  /** Every message delivered since the last call, oldest first; the outbox is emptied. */
  async function delivered(): Promise<OutboxMessage[]> {
    await server.services.passwordResets.settled()

    const files = (await readdir(outbox).catch(() => [])).sort()
    const messages = await Promise.all(
      files.map(async (file) => JSON.parse(await readFile(join(outbox, file), 'utf8'))),
    )

    await Promise.all(files.map((file) => rm(join(outbox, file))))

    return messages
  }

  /** Whether the text is in the database files: only hashes of tokens may be. */
  async function storedAnywhere(text: string) {
    const files = (await readdir(server.dataDir)).filter((file) => file.includes('.db'))
    const contents = await Promise.all(files.map((file) => readFile(join(server.dataDir, file))))

    return contents.some((content) => content.includes(text))
  }

  function requestReset(body: Record<string, string>) {
    return server.call('POST', '/api/v1/auth/password/reset', { body })
  }

  function confirm(token: string, new_password: string) {
    return server.call('POST', '/api/v1/auth/password/reset/confirm', {
      body: { token, new_password },
    })
  }

  async function signIn(password: string) {
    const response = await server.call('POST', '/api/v1/auth/login', {
      body: { username: 'forgetful', password },
    })
    return response.status
  }

  describe('happy path', () => {
    it('delivers a single-use link to the outbox and sets the new password with it', async () => {
      const { token: before, refresh_token } = (
        await server.call('POST', '/api/v1/auth/login', {
          body: { username: 'forgetful', password: 'forgetful-password-123' },
        })
      ).body

      expect((await requestReset({ username: 'forgetful' })).status).toBe(202)

      const [message] = await delivered()

      expect(message).toMatchObject({
        kind: 'password_reset',
        to: 'forgetful@example.test',
        username: 'forgetful',
        token: expect.stringMatching(/^rst_[A-Za-z0-9_-]{43}$/),
      })
      expect(message!.link).toBe(`https://console.example.org/reset#token=${message!.token}`)
      expect(Date.parse(message!.expires_at) - Date.now()).toBeGreaterThan(29 * 60_000)
      expect(await storedAnywhere(message!.token)).toBe(false)

      expect((await confirm(message!.token, 'remembered-at-last')).status).toBe(204)
      expect(await signIn('forgetful-password-123')).toBe(401)
      expect(await signIn('remembered-at-last')).toBe(200)
      expect((await server.call('GET', '/api/v1/clients', { token: before })).status).toBe(401)
      expect(
        (await server.call('POST', '/api/v1/auth/refresh', { body: { refresh_token } })).status,
      ).toBe(401)

      const again = await confirm(message!.token, 'third-time-lucky')

      expect(again.status).toBe(401)
      expect(again.body.error.code).toBe('authentication_error')
      expect(await signIn('remembered-at-last')).toBe(200)
    })

    it('finds the account by email, in any case', async () => {
      expect((await requestReset({ email: 'Forgetful@Example.test' })).status).toBe(202)
      expect((await delivered()).map((message) => message.username)).toEqual(['forgetful'])
    })

    it('keeps the outbox readable by the server user only', async () => {
      await requestReset({ username: 'forgetful' })
      await server.services.passwordResets.settled()

      const [file] = await readdir(outbox)

      expect((await stat(outbox)).mode & 0o777).toBe(0o700)
      expect((await stat(join(outbox, file!))).mode & 0o777).toBe(0o600)
      await delivered()
    })
  })

  describe('security', () => {
    it('answers an unknown account exactly as a known one, and sends nothing', async () => {
      const known = await requestReset({ username: 'forgetful' })
      const unknown = await requestReset({ username: 'nobody.here' })
      const unknownEmail = await requestReset({ email: 'nobody@example.test' })

      expect(unknown.status).toBe(known.status)
      expect(unknown.body).toEqual(known.body)
      expect(unknownEmail.body).toEqual(known.body)
      expect([...unknown.headers.keys()].sort()).toEqual([...known.headers.keys()].sort())
      expect((await delivered()).map((message) => message.username)).toEqual(['forgetful'])
    })

    it('answers known and unknown accounts in about the same time', async () => {
      const timings = { known: [] as number[], unknown: [] as number[] }

      for (let round = 0; round < 8; round++) {
        for (const [kind, username] of [
          ['known', 'forgetful'],
          ['unknown', `nobody.${round}`],
        ] as const) {
          const started = performance.now()
          await requestReset({ username })
          timings[kind].push(performance.now() - started)
        }
      }

      await delivered()

      const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1]!

      expect(Math.abs(median(timings.known) - median(timings.unknown))).toBeLessThan(25)
    })

    it('makes an earlier link useless once a newer one is asked for', async () => {
      await requestReset({ username: 'forgetful' })
      const [older] = await delivered()
      await requestReset({ username: 'forgetful' })
      const [newer] = await delivered()

      expect((await confirm(older!.token, 'from-the-old-link')).status).toBe(401)
      expect((await confirm(newer!.token, 'from-the-new-link')).status).toBe(204)
    })

    it('refuses an expired token and an unknown one, in the error envelope', async () => {
      const user = (await server.services.storage.users.getByUsername('forgetful'))!
      const token = 'rst_expired-token-for-the-test'
      const past = new Date(Date.now() - 60_000).toISOString()

      await server.services.storage.passwordResets.create({
        token_hash: createHash('sha256').update(token).digest('hex'),
        user_id: user.user_id,
        created_at: new Date(Date.now() - 31 * 60_000).toISOString(),
        expires_at: past,
        used_at: null,
      })

      const expired = await confirm(token, 'too-late-for-this')
      const unknown = await confirm('rst_made-up', 'too-late-for-this')

      expect(expired.status).toBe(401)
      expect(expired.body.error).toMatchObject({
        code: 'authentication_error',
        message: expect.stringContaining('expired'),
      })
      expect(unknown.status).toBe(401)
      expect(unknown.body.error.code).toBe('authentication_error')
    })

    it('keeps the token usable when the new password is refused by the policy', async () => {
      await requestReset({ username: 'forgetful' })
      const [message] = await delivered()

      const refused = await confirm(message!.token, 'Forgetful')
      const sameAsName = await confirm(message!.token, 'FORGETFUL'.padEnd(12, 'x'))

      expect(refused.status).toBe(422)
      expect(sameAsName.status).toBe(204)
    })

    it('sends nothing for deactivated accounts', async () => {
      const admin = await server.login()
      const created = await server.call('POST', '/api/v1/users', {
        token: admin,
        body: { username: 'gone.away', email: 'gone@example.test', password: 'gone-password-123' },
      })
      await server.call('DELETE', `/api/v1/users/${created.body.user_id}`, { token: admin })

      expect((await requestReset({ username: 'gone.away' })).status).toBe(202)
      expect(await delivered()).toEqual([])
    })

    it('refuses a request naming both or neither of username and email', async () => {
      expect((await requestReset({})).status).toBe(422)
      expect(
        (await requestReset({ username: 'forgetful', email: 'forgetful@example.test' })).status,
      ).toBe(422)
    })
  })
})

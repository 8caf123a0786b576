import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'

import type { TokenResponse } from '@smartsteps/contracts'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { SmartStepsError } from '../errors/index.js'
import { recordingFetch } from '../test-support/recording-fetch.js'
import { newFacilitator, sdkFor, startServer, type TestServer } from '../test-support/server.js'
import type { Credentials } from './token-keeper.js'

/** Moves every clock of this process, the server's included, past the access token's life. */
function outliveAccessTokens() {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true })
  vi.setSystemTime(Date.now() + 120_000)
}

describe('auth', () => {
  let server: TestServer
  let facilitator: Credentials

  beforeAll(async () => {
    server = await startServer({ jwt: { access_token_ttl_seconds: 60 } })
    facilitator = await newFacilitator(server, 'auth.user')
  })

  afterEach(() => {
    vi.useRealTimers()
  })

  afterAll(() => server.close())

  it('signs in with the credentials on first use and reports the session', async () => {
    const sessions: Array<TokenResponse | null> = []
    const recorder = recordingFetch()
    const client = sdkFor(server, {
      credentials: facilitator,
      fetch: recorder.fetch,
      onSession: (session) => sessions.push(session),
    })

    expect(client.auth.session).toBeNull()

    await Promise.all([client.clients.list(), client.personas.list()])

    expect(recorder.to('POST', '/api/v1/auth/login')).toHaveLength(1)
    expect(client.auth.session?.user).toMatchObject({ username: 'auth.user', role: 'facilitator' })
    expect(sessions).toEqual([client.auth.session])
  })

  it('renews an expiring access token once, before sending the calls that need it', async () => {
    const recorder = recordingFetch()
    const client = sdkFor(server, { fetch: recorder.fetch })
    const first = await client.auth.login(facilitator)

    outliveAccessTokens()

    // The server itself refuses the old token now: the expiry is real, not simulated by the SDK.
    const refused = await server.call('GET', '/api/v1/clients', { token: first.token })
    expect(refused.status).toBe(401)
    expect(refused.body.error.message).toMatch(/expired/)

    const lists = await Promise.all(Array.from({ length: 5 }, () => client.clients.list()))

    expect(lists.map((list) => list.pagination.page)).toEqual([1, 1, 1, 1, 1])
    expect(recorder.to('POST', '/api/v1/auth/refresh')).toHaveLength(1)
    expect(recorder.to('GET', '/api/v1/clients').map((call) => call.status)).toEqual([
      200, 200, 200, 200, 200,
    ])
    expect(client.auth.session?.token).not.toBe(first.token)
  })

  it('renews after a 401 when the expiry is unknown, sharing one refresh among parallel calls', async () => {
    const saved = await sdkFor(server).auth.login(facilitator)

    outliveAccessTokens()

    const recorder = recordingFetch()
    const restored = sdkFor(server, {
      token: saved.token,
      refreshToken: saved.refresh_token,
      fetch: recorder.fetch,
    })

    await Promise.all([restored.clients.list(), restored.sessions.list(), restored.personas.list()])

    const statuses = recorder.calls
      .filter((call) => call.method === 'GET')
      .map((call) => call.status)

    expect(recorder.to('POST', '/api/v1/auth/refresh')).toHaveLength(1)
    expect(statuses.filter((status) => status === 401)).toHaveLength(3)
    expect(statuses.filter((status) => status === 200)).toHaveLength(3)

    // The spent refresh token was never presented twice (that would have ended the login).
    await expect(restored.auth.refresh()).resolves.toMatchObject({ token_type: 'Bearer' })
    await expect(restored.clients.list()).resolves.toMatchObject({ clients: [] })
  })

  it('gives the 401 to the caller when it has no way to renew', async () => {
    const { token } = await sdkFor(server).auth.login(facilitator)

    outliveAccessTokens()

    const error = await sdkFor(server, { token })
      .clients.list()
      .catch((caught: unknown) => caught)

    expect(error).toBeInstanceOf(SmartStepsError)
    expect(error).toMatchObject({ status: 401, code: 'authentication_error' })
    expect((error as SmartStepsError).requestId).toMatch(/^req_/)
  })

  it('surfaces the end of a login whose spent refresh token was replayed elsewhere', async () => {
    const client = sdkFor(server)
    const first = await client.auth.login(facilitator)
    const second = await client.auth.refresh()

    expect(second.refresh_token).not.toBe(first.refresh_token)

    // Someone presents the spent token: the server revokes every token of this login.
    const replayed = await server.call('POST', '/api/v1/auth/refresh', {
      body: { refresh_token: first.refresh_token },
    })
    expect(replayed.status).toBe(401)

    await expect(client.clients.list()).rejects.toMatchObject({
      status: 401,
      code: 'authentication_error',
    })
    expect(client.auth.session).toBeNull()
  })

  it('logs out on the server and does not sign back in with the credentials', async () => {
    const sessions: Array<TokenResponse | null> = []
    const client = sdkFor(server, {
      credentials: facilitator,
      onSession: (session) => sessions.push(session),
    })

    await client.clients.list()
    const { token } = client.auth.session!

    await client.auth.logout()

    expect(client.auth.session).toBeNull()
    expect(sessions.at(-1)).toBeNull()
    expect((await server.call('GET', '/api/v1/clients', { token })).status).toBe(401)
    await expect(client.clients.list()).rejects.toMatchObject({ status: 401 })
  })

  it('changes the password, continues in the new login and signs in again with the new one', async () => {
    const changer = await newFacilitator(server, 'auth.changer')
    const client = sdkFor(server, { credentials: changer })
    const before = await client.auth.login(changer)
    const newPassword = 'a-much-longer-new-password'

    const after = await client.auth.changePassword({
      current_password: changer.password,
      new_password: newPassword,
    })

    expect(after.token).not.toBe(before.token)
    expect((await server.call('GET', '/api/v1/clients', { token: before.token })).status).toBe(401)
    await expect(client.clients.list()).resolves.toMatchObject({ clients: [] })
    await expect(sdkFor(server).auth.login(changer)).rejects.toMatchObject({ status: 401 })

    // End this login behind the client's back: it signs in again, with the new password.
    await server.call('POST', '/api/v1/auth/logout', {
      body: { refresh_token: after.refresh_token },
    })
    await expect(client.clients.list()).resolves.toMatchObject({ clients: [] })
    expect(client.auth.session?.token).not.toBe(after.token)
  })

  it('resets a forgotten password with the token of the reset link', async () => {
    const forgetful = await newFacilitator(server, 'auth.forgetful')
    const anonymous = sdkFor(server)

    const known = await anonymous.auth.requestPasswordReset({ username: forgetful.username })
    const unknown = await anonymous.auth.requestPasswordReset({ email: 'nobody@example.test' })

    expect(known).toEqual(unknown)
    expect(known.status).toBe('accepted')

    const token = await takeResetToken(server)
    const newPassword = 'remembered-at-last-123'

    await anonymous.auth.confirmPasswordReset({ token, new_password: newPassword })

    await expect(
      anonymous.auth.login({ username: forgetful.username, password: newPassword }),
    ).resolves.toMatchObject({ user: { username: forgetful.username } })
    await expect(
      anonymous.auth.confirmPasswordReset({ token, new_password: 'yet-another-password' }),
    ).rejects.toMatchObject({ status: 401, code: 'authentication_error' })
  })

  it('refuses wrong credentials with the server error', async () => {
    const error = await sdkFor(server)
      .auth.login({ username: 'auth.user', password: 'not-the-password' })
      .catch((caught: unknown) => caught)

    expect(error).toBeInstanceOf(SmartStepsError)
    expect(error).toMatchObject({ status: 401, code: 'authentication_error' })
  })
})

/** The token of the one reset link the server's outbox holds; the outbox is emptied. */
async function takeResetToken(server: TestServer): Promise<string> {
  await server.services.passwordResets.settled()

  const outbox = join(server.dataDir, 'outbox')
  const files = await readdir(outbox)
  const messages = await Promise.all(
    files.map(async (file) => JSON.parse(await readFile(join(outbox, file), 'utf8'))),
  )

  await Promise.all(files.map((file) => rm(join(outbox, file))))
  expect(messages).toHaveLength(1)

  return messages[0].token as string
}

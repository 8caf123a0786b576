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

/** Rewrites each 401 the way a server from before `details.reason` sent it. */
async function withoutReason(response: Response): Promise<Response> {
  if (response.status !== 401) {
    return response
  }

  const envelope = await response.json()
  delete envelope.error.details

  return new Response(JSON.stringify(envelope), { status: 401, headers: response.headers })
}

describe('renewing the access token by the reason of a 401', () => {
  let server: TestServer
  let facilitator: Credentials

  beforeAll(async () => {
    server = await startServer({ jwt: { access_token_ttl_seconds: 60 } })
    facilitator = await newFacilitator(server, 'renewal.user')
  })

  afterEach(() => {
    vi.useRealTimers()
  })

  afterAll(() => server.close())

  it('does not try to refresh when the login ended, and says so in reason', async () => {
    const saved = await sdkFor(server).auth.login(facilitator)

    await server.call('POST', '/api/v1/auth/logout', {
      body: { refresh_token: saved.refresh_token },
    })

    const recorder = recordingFetch()
    const error = await sdkFor(server, {
      token: saved.token,
      refreshToken: saved.refresh_token,
      fetch: recorder.fetch,
    })
      .clients.list()
      .catch((caught: unknown) => caught)

    expect(error).toBeInstanceOf(SmartStepsError)
    expect(error).toMatchObject({ status: 401, reason: 'login_ended' })
    expect(recorder.to('POST', '/api/v1/auth/refresh')).toHaveLength(0)
    expect(recorder.to('GET', '/api/v1/clients')).toHaveLength(1)
  })

  it('refreshes once on token_expired and goes on with the new token', async () => {
    const saved = await sdkFor(server).auth.login(facilitator)

    outliveAccessTokens()

    const recorder = recordingFetch()
    const client = sdkFor(server, {
      token: saved.token,
      refreshToken: saved.refresh_token,
      fetch: recorder.fetch,
    })

    await expect(client.clients.list()).resolves.toMatchObject({ clients: [] })
    expect(recorder.to('GET', '/api/v1/clients').map((call) => call.status)).toEqual([401, 200])
    expect(recorder.to('POST', '/api/v1/auth/refresh')).toHaveLength(1)
  })

  it('exposes token_expired when it has no refresh token to renew with', async () => {
    const { token } = await sdkFor(server).auth.login(facilitator)

    outliveAccessTokens()

    await expect(sdkFor(server, { token }).clients.list()).rejects.toMatchObject({
      status: 401,
      reason: 'token_expired',
    })
  })

  it('still refreshes on a 401 without a reason, as older servers send', async () => {
    const saved = await sdkFor(server).auth.login(facilitator)

    outliveAccessTokens()

    const recorder = recordingFetch({ after: (_call, response) => withoutReason(response) })
    const client = sdkFor(server, {
      token: saved.token,
      refreshToken: saved.refresh_token,
      fetch: recorder.fetch,
    })

    await expect(client.clients.list()).resolves.toMatchObject({ clients: [] })
    expect(recorder.to('POST', '/api/v1/auth/refresh')).toHaveLength(1)
  })
})

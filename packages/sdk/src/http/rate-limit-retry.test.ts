import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Credentials } from '../auth/token-keeper.js'
import { recordingFetch } from '../test-support/recording-fetch.js'
import { newFacilitator, sdkFor, startServer, type TestServer } from '../test-support/server.js'

describe('rate limits', () => {
  let server: TestServer
  let facilitator: Credentials

  beforeAll(async () => {
    server = await startServer({
      rate_limiting: {
        enabled: true,
        // One path per test, so one test's window does not spill into the other.
        per_endpoint: { '/api/v1/personas': '1/minute', '/api/v1/sessions': '1/second' },
      },
    })
    facilitator = await newFacilitator(server, 'limited.user')
  })

  afterAll(() => server.close())

  it('throws a 429 at once by default, with Retry-After and the tier', async () => {
    const recorder = recordingFetch()
    const client = sdkFor(server, { credentials: facilitator, fetch: recorder.fetch })

    await client.personas.list()
    const error = await client.personas.list().catch((caught: unknown) => caught)

    expect(error).toMatchObject({ status: 429, code: 'rate_limited' })
    expect(error).toMatchObject({ details: { tier: 'endpoint' } })
    expect((error as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThanOrEqual(1)
    expect(recorder.to('GET', '/api/v1/personas').map((call) => call.status)).toEqual([200, 429])
  })

  it('waits for Retry-After and tries once more when allowed to', async () => {
    const recorder = recordingFetch()
    const client = sdkFor(server, {
      credentials: facilitator,
      fetch: recorder.fetch,
      retryRateLimitedUpTo: 5,
    })

    await client.sessions.list()
    const started = Date.now()
    await expect(client.sessions.list()).resolves.toMatchObject({ sessions: [] })

    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    expect(recorder.to('GET', '/api/v1/sessions').map((call) => call.status)).toEqual([
      200, 429, 200,
    ])
  })
})

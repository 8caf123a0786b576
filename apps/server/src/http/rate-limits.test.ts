import { pino } from 'pino'
import { afterEach, describe, expect, it } from 'vitest'

import { ConfigSchema } from '../config/schema.js'
import type { RateLimitStore } from '../ports/rate-limit-store.js'
import { createRateLimiter } from '../services/rate-limiter.js'
import { configSection } from '../testing/config-section.js'
import { startTestServer, type TestServer } from '../testing/test-server.js'
import { createApp } from './app.js'

function limits(overrides: Record<string, unknown>, apiKeyRate?: string) {
  return configSection('security', {
    rate_limiting: overrides,
    ...(apiKeyRate ? { api_keys: { rate_limiting: { rate: apiKeyRate } } } : {}),
  })
}

async function statusesOf(requests: Array<Promise<{ status: number }>>) {
  return (await Promise.all(requests)).map((response) => response.status)
}

/** One request after the other, so the order of the statuses is the order of counting. */
async function statusesInTurn(times: number, request: () => Promise<{ status: number }>) {
  const statuses: number[] = []

  for (let index = 0; index < times; index++) {
    statuses.push((await request()).status)
  }

  return statuses
}

describe('rate limits over HTTP', () => {
  let server: TestServer | undefined

  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  it('refuses the 21st login attempt a minute from one address, with Retry-After', async () => {
    server = await startTestServer()
    let guesses = 0
    // A new username each time: one username is locked after 5 failures (login-lockout.test.ts).
    const attempt = () =>
      server!.call('POST', '/api/v1/auth/login', {
        body: { username: `nobody-${guesses++}`, password: 'wrong-password' },
      })

    const first = await attempt()

    expect(first.status).toBe(401)
    expect(first.headers.get('ratelimit-limit')).toBe('20')
    expect(first.headers.get('ratelimit-remaining')).toBe('19')
    expect(Number(first.headers.get('ratelimit-reset'))).toBeGreaterThan(55)

    expect(new Set(await statusesInTurn(19, attempt))).toEqual(new Set([401]))

    const refused = await attempt()

    expect(refused.status).toBe(429)
    expect(refused.body).toEqual({
      error: {
        code: 'rate_limited',
        message: expect.stringMatching(/^Rate limit exceeded; retry in \d+ s$/),
        details: { tier: 'endpoint', limit: 20, retry_after_seconds: expect.any(Number) },
        request_id: refused.headers.get('x-request-id'),
      },
    })
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(55)
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60)
    expect(refused.headers.get('ratelimit-remaining')).toBe('0')
    expect(refused.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('limits each user by their role', async () => {
    server = await startTestServer({
      security: limits({ per_user: { default: '3/hour', admin: '6/hour' } }),
    })
    const facilitator = await server.facilitator('rate.role')
    const admin = await server.login()
    const personas = (token: string) => server!.call('GET', '/api/v1/personas', { token })

    const first = await personas(facilitator)

    expect(first.headers.get('ratelimit-limit')).toBe('3')
    expect(first.headers.get('ratelimit-remaining')).toBe('2')
    expect(Number(first.headers.get('ratelimit-reset'))).toBeGreaterThan(3500)
    expect(await statusesOf([personas(facilitator), personas(facilitator)])).toEqual([200, 200])

    const refused = await personas(facilitator)

    expect(refused.status).toBe(429)
    expect(refused.body.error.details).toMatchObject({ tier: 'user', limit: 3 })
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3500)

    // Creating the facilitator was the admin's first request of the six.
    expect(await statusesInTurn(6, () => personas(admin))).toEqual([200, 200, 200, 200, 200, 429])
  })

  it("limits each API key by the key's own rate, apart from its owner and other keys", async () => {
    server = await startTestServer({ security: limits({}, '3/minute') })
    const owner = await server.facilitator('rate.keys')
    const createKey = async () => {
      const created = await server!.call('POST', '/api/v1/keys', {
        token: owner,
        body: { name: 'rate test', scopes: ['personas:read'] },
      })

      expect(created.status).toBe(201)
      return created.body.secret as string
    }
    const [first, second] = [await createKey(), await createKey()]
    const personas = (token: string) => server!.call('GET', '/api/v1/personas', { token })

    expect(await statusesOf([personas(first), personas(first), personas(first)])).toEqual([
      200, 200, 200,
    ])

    const refused = await personas(first)

    expect(refused.status).toBe(429)
    expect(refused.body.error.details).toMatchObject({ tier: 'api_key', limit: 3 })
    expect((await personas(second)).headers.get('ratelimit-remaining')).toBe('2')
    expect((await personas(owner)).status).toBe(200)
  })

  it('lets exactly the limit through when the requests arrive all at once', async () => {
    server = await startTestServer({ security: limits({ default_limit: '25/minute' }) })

    const statuses = await statusesOf(
      Array.from({ length: 120 }, () => server!.call('GET', '/api/health')),
    )

    expect(statuses.filter((status) => status === 200)).toHaveLength(25)
    expect(statuses.filter((status) => status === 429)).toHaveLength(95)
  })

  it('counts refused requests too, and every request against the per-address limit', async () => {
    server = await startTestServer({
      security: limits({ per_ip: '5/minute', default_limit: '2/minute' }),
    })

    const health = () => server!.call('GET', '/api/health')

    expect(await statusesInTurn(5, health)).toEqual([200, 200, 429, 429, 429])

    const unknownRoute = await server.call('GET', '/api/v1/nothing-here')
    const badCredential = await server.call('GET', '/api/v1/personas', { token: 'not-a-jwt' })

    expect(unknownRoute.status).toBe(429)
    expect(unknownRoute.body.error.details.tier).toBe('ip')
    expect(badCredential.status).toBe(429)
  })

  it('sends no rate-limit headers when limiting is off', async () => {
    server = await startTestServer({
      security: limits({ enabled: false, default_limit: '1/hour' }),
    })

    expect(await statusesInTurn(3, () => server!.call('GET', '/api/health'))).toEqual([
      200, 200, 200,
    ])
    expect((await server.call('GET', '/api/health')).headers.get('ratelimit-limit')).toBeNull()
  })

  it('lets requests through, and says so in the log, when the counter store fails', async () => {
    server = await startTestServer()
    const messages: string[] = []
    const logger = pino(
      { level: 'error' },
      { write: (line) => messages.push(JSON.parse(line).msg) },
    )
    const config = ConfigSchema.parse({ storage: { path: server.dataDir } })
    const failing: RateLimitStore = {
      hit: async () => Promise.reject(new Error('counter store unreachable')),
      close: async () => {},
    }

    const app = createApp(
      {
        ...server.services,
        rateLimiter: createRateLimiter(failing, {
          limits: config.security.rate_limiting,
          apiKeys: config.security.api_keys.rate_limiting,
        }),
      },
      config,
      logger,
    )

    const response = await app.request('/api/health')

    expect(response.status).toBe(200)
    expect(response.headers.get('ratelimit-limit')).toBeNull()
    expect(messages).toContain('rate limit store failed; request let through')
  })
})

import type { ErrorEnvelope } from '@smartsteps/contracts'
import { afterEach, describe, expect, it } from 'vitest'

import { configSection } from '../testing/config-section.js'
import { startTestServer, type TestServer } from '../testing/test-server.js'

const APP = 'https://app.example.org'

function corsServer(cors: Record<string, unknown>, rateLimiting: Record<string, unknown> = {}) {
  return startTestServer({
    security: configSection('security', { cors, rate_limiting: rateLimiting }),
  })
}

function listOf(header: string | null) {
  return (header ?? '').split(',').map((name) => name.trim().toLowerCase())
}

describe('CORS', () => {
  let server: TestServer | undefined

  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  function preflight(origin: string, method = 'POST') {
    return fetch(`${server!.url}/api/v1/clients`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': method,
        'access-control-request-headers': 'authorization, content-type, x-signature',
      },
    })
  }

  it('lets a listed origin read responses and the headers clients need', async () => {
    server = await corsServer({ allowed_origins: [APP] })

    const response = await server.call('GET', '/api/health', { headers: { origin: APP } })

    expect(response.headers.get('access-control-allow-origin')).toBe(APP)
    expect(response.headers.get('access-control-allow-credentials')).toBeNull()
    expect(listOf(response.headers.get('vary'))).toContain('origin')
    expect(listOf(response.headers.get('access-control-expose-headers'))).toEqual(
      expect.arrayContaining([
        'x-request-id',
        'ratelimit-limit',
        'ratelimit-remaining',
        'ratelimit-reset',
        'retry-after',
        'x-api-warning',
        'deprecation',
        'sunset',
      ]),
    )
  })

  it('never echoes an origin that is not listed, however close it looks', async () => {
    server = await corsServer({ allowed_origins: [APP], allow_credentials: true })

    for (const origin of [
      'https://evil.example',
      `${APP}.evil.example`,
      'http://app.example.org',
      'null',
    ]) {
      const response = await server.call('GET', '/api/health', { headers: { origin } })

      expect(response.status).toBe(200)
      expect(response.headers.get('access-control-allow-origin')).toBeNull()
      expect(response.headers.get('access-control-allow-credentials')).toBeNull()
    }
  })

  it('answers a preflight from a listed origin without counting it against a limit', async () => {
    server = await corsServer(
      { allowed_origins: [APP], max_age_seconds: 300 },
      { per_ip: '2/minute' },
    )

    for (let index = 0; index < 4; index++) {
      const answer = await preflight(APP)

      expect(answer.status).toBe(204)
      expect(answer.headers.get('access-control-allow-origin')).toBe(APP)
      expect(answer.headers.get('access-control-max-age')).toBe('300')
      expect(listOf(answer.headers.get('access-control-allow-methods'))).toEqual(
        expect.arrayContaining(['get', 'post', 'patch', 'delete']),
      )
      expect(listOf(answer.headers.get('access-control-allow-headers'))).toEqual(
        expect.arrayContaining([
          'authorization',
          'content-type',
          'x-request-id',
          'x-signature',
          'x-signature-timestamp',
        ]),
      )
      expect(answer.headers.get('x-frame-options')).toBe('DENY')
    }

    expect((await server.call('GET', '/api/health')).status).toBe(200)
  })

  it('refuses a preflight from an origin that is not listed', async () => {
    server = await corsServer({ allowed_origins: [APP] })

    const answer = await preflight('https://evil.example')

    expect(answer.status).toBe(403)
    expect(answer.headers.get('access-control-allow-origin')).toBeNull()
    expect(((await answer.json()) as ErrorEnvelope).error.code).toBe('permission_denied')
  })

  it('admits no origin at all by default', async () => {
    server = await startTestServer()

    expect((await preflight(APP)).status).toBe(403)
    expect(
      (await server.call('GET', '/api/health', { headers: { origin: APP } })).headers.get(
        'access-control-allow-origin',
      ),
    ).toBeNull()
  })

  it('answers * for a wildcard, never with credentials', async () => {
    server = await corsServer({ allowed_origins: ['*'] })

    const response = await server.call('GET', '/api/health', { headers: { origin: APP } })

    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-allow-credentials')).toBeNull()
    expect(() =>
      configSection('security', { cors: { allowed_origins: ['*'], allow_credentials: true } }),
    ).toThrow(/cannot be true while allowed_origins holds/)
  })

  it('allows credentials for listed origins when configured, echoing the origin', async () => {
    server = await corsServer({ allowed_origins: [APP], allow_credentials: true })

    const answer = await preflight(APP, 'DELETE')
    const response = await server.call('GET', '/api/health', { headers: { origin: APP } })

    expect(answer.headers.get('access-control-allow-origin')).toBe(APP)
    expect(answer.headers.get('access-control-allow-credentials')).toBe('true')
    expect(response.headers.get('access-control-allow-origin')).toBe(APP)
    expect(response.headers.get('access-control-allow-credentials')).toBe('true')
  })

  it('puts the CORS headers on refusals too, so the browser can show them', async () => {
    server = await corsServer({ allowed_origins: [APP] }, { default_limit: '1/minute' })

    await server.call('GET', '/api/health', { headers: { origin: APP } })
    const refused = await server.call('GET', '/api/health', { headers: { origin: APP } })

    expect(refused.status).toBe(429)
    expect(refused.headers.get('access-control-allow-origin')).toBe(APP)
  })
})

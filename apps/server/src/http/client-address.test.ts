import { afterEach, describe, expect, it } from 'vitest'

import { configSection } from '../testing/config-section.js'
import { startTestServer, type TestServer } from '../testing/test-server.js'

/** The test client connects from 127.0.0.1; in some tests that makes it the trusted proxy. */
function serverWith(rateLimiting: Record<string, unknown>, trustedProxies: string[] = []) {
  return startTestServer({
    server: configSection('server', { trusted_proxies: trustedProxies }),
    security: configSection('security', { rate_limiting: rateLimiting }),
  })
}

describe('the client address behind rate limits', () => {
  let server: TestServer | undefined

  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  function healthFrom(forwardedFor?: string) {
    return server!.call('GET', '/api/health', {
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    })
  }

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    server = await serverWith({ default_limit: '3/minute' })

    const statuses: number[] = []

    for (let index = 1; index <= 5; index++) {
      statuses.push((await healthFrom(`198.51.100.${index}`)).status)
    }

    expect(statuses).toEqual([200, 200, 200, 429, 429])
  })

  it('counts the forwarded client behind a trusted proxy: the right-most other hop', async () => {
    server = await serverWith({ default_limit: '2/minute' }, ['127.0.0.1'])

    expect((await healthFrom('203.0.113.1')).status).toBe(200)
    expect((await healthFrom('203.0.113.1')).status).toBe(200)
    expect((await healthFrom('203.0.113.1')).status).toBe(429)

    // Addresses a client writes to the left of its own prove nothing and change nothing.
    expect((await healthFrom('192.0.2.77, 203.0.113.1')).status).toBe(429)
    expect((await healthFrom('203.0.113.2')).status).toBe(200)
    expect((await healthFrom('[2001:db8::5]:4711, 127.0.0.1')).status).toBe(200)
    expect((await healthFrom()).status).toBe(200)
  })

  it('never limits whitelisted networks, found directly or through a trusted proxy', async () => {
    server = await serverWith({ default_limit: '1/minute', ip_whitelist: ['10.0.0.0/8'] }, [
      '127.0.0.1',
    ])

    for (let index = 0; index < 5; index++) {
      const response = await healthFrom('10.20.30.40')

      expect(response.status).toBe(200)
      expect(response.headers.get('ratelimit-limit')).toBeNull()
    }

    expect((await healthFrom('203.0.113.1')).status).toBe(200)
    expect((await healthFrom('203.0.113.1')).status).toBe(429)
  })

  it('never limits the whitelisted socket peer itself', async () => {
    server = await serverWith({ default_limit: '1/minute', ip_whitelist: ['127.0.0.0/8'] })

    for (let index = 0; index < 5; index++) {
      expect((await healthFrom()).status).toBe(200)
    }
  })
})

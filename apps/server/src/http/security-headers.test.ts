import { afterEach, describe, expect, it } from 'vitest'

import { configSection } from '../testing/config-section.js'
import { startTestServer, type TestServer } from '../testing/test-server.js'
import { DOCS_CONTENT_SECURITY_POLICY } from './routes/docs.js'

const EXPECTED = {
  'content-security-policy': "default-src 'self'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'x-xss-protection': '0',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'referrer-policy': 'strict-origin-when-cross-origin',
}

function securityHeadersOf(headers: Headers) {
  return Object.fromEntries(Object.keys(EXPECTED).map((name) => [name, headers.get(name)]))
}

describe('security headers', () => {
  let server: TestServer | undefined

  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  it('are on every response: success, errors of each kind, 404 and 429', async () => {
    server = await startTestServer({
      security: configSection('security', {
        rate_limiting: { per_endpoint: { '/api/health': '1/minute' } },
      }),
    })
    const token = await server.login()
    const responses = {
      ok: await server.call('GET', '/api/v1/personas', { token }),
      unauthenticated: await server.call('GET', '/api/v1/clients'),
      invalid: await server.call('POST', '/api/v1/clients', { token, body: { nope: 1 } }),
      notFound: await server.call('GET', '/no/such/page'),
      unsupported: await server.call('POST', '/api/v1/clients', {
        token,
        rawBody: 'x',
        headers: { 'content-type': 'text/plain' },
      }),
      firstHealth: await server.call('GET', '/api/health'),
      limited: await server.call('GET', '/api/health'),
    }

    expect(Object.fromEntries(Object.entries(responses).map(([k, r]) => [k, r.status]))).toEqual({
      ok: 200,
      unauthenticated: 401,
      invalid: 422,
      notFound: 404,
      unsupported: 415,
      firstHealth: 200,
      limited: 429,
    })

    for (const response of Object.values(responses)) {
      expect(securityHeadersOf(response.headers)).toEqual(EXPECTED)
    }
  })

  it('are on an internal error', async () => {
    server = await startTestServer()
    const token = await server.login()

    server.services.personas.list = () => {
      throw new Error('boom')
    }

    const response = await server.call('GET', '/api/v1/personas', { token })

    expect(response.status).toBe(500)
    expect(response.body.error.code).toBe('internal_error')
    expect(securityHeadersOf(response.headers)).toEqual(EXPECTED)
  })

  it('give the Swagger UI page a policy of its own that still allows nothing foreign', async () => {
    server = await startTestServer()

    const page = await fetch(`${server.url}/api/docs`)
    const bundle = await fetch(`${server.url}/api/docs/assets/swagger-ui-bundle.js`)

    expect(page.headers.get('content-security-policy')).toBe(DOCS_CONTENT_SECURITY_POLICY)
    expect(DOCS_CONTENT_SECURITY_POLICY).toMatch(/^default-src 'self';/)
    expect(DOCS_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:/)
    expect(page.headers.get('x-frame-options')).toBe('DENY')
    expect(bundle.headers.get('content-security-policy')).toBe("default-src 'self'")
  })

  it('follow the configuration', async () => {
    server = await startTestServer({
      security: configSection('security', {
        headers: {
          'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
          'Strict-Transport-Security': 'max-age=0',
          'Referrer-Policy': 'no-referrer',
        },
      }),
    })

    const response = await server.call('GET', '/api/health')

    expect(securityHeadersOf(response.headers)).toEqual({
      ...EXPECTED,
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'strict-transport-security': 'max-age=0',
      'referrer-policy': 'no-referrer',
    })
  })
})

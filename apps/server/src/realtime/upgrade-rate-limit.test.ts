import { request as httpRequest } from 'node:http'

import { afterEach, describe, expect, it } from 'vitest'

import { configSection } from '../testing/config-section.js'
import { startTestServer, type TestServer } from '../testing/test-server.js'

interface UpgradeAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Asks for a WebSocket upgrade and answers the plain HTTP response a refusal is. */
function upgrade(url: string, token?: string): Promise<UpgradeAnswer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${url}/ws`, {
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    })

    request.on('upgrade', (response, socket) => {
      socket.destroy()
      resolve({ status: response.statusCode!, headers: response.headers, body: '' })
    })
    request.on('response', (response) => {
      let body = ''
      response.on('data', (chunk) => (body += chunk))
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, body }),
      )
    })
    request.on('error', reject)
    request.end()
  })
}

describe('WebSocket upgrades and the per-address limit', () => {
  let server: TestServer | undefined

  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  it('counts upgrades with the HTTP requests of the same address', async () => {
    server = await startTestServer({
      security: configSection('security', { rate_limiting: { per_ip: '4/minute' } }),
    })
    const token = await server.login()

    expect((await upgrade(server.url, token)).status).toBe(101)
    expect((await upgrade(server.url)).status).toBe(401)
    expect((await server.call('GET', '/api/health')).status).toBe(200)

    const refused = await upgrade(server.url, token)

    expect(refused.status).toBe(429)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(50)
    expect(refused.headers['ratelimit-remaining']).toBe('0')
    expect(JSON.parse(refused.body).error.code).toBe('rate_limited')
    expect((await server.call('GET', '/api/health')).status).toBe(429)
  })

  it('lets whitelisted addresses upgrade without counting', async () => {
    server = await startTestServer({
      security: configSection('security', {
        rate_limiting: { per_ip: '1/minute', ip_whitelist: ['127.0.0.1'] },
      }),
    })
    const token = await server.login()

    for (let index = 0; index < 3; index++) {
      expect((await upgrade(server.url, token)).status).toBe(101)
    }
  })
})

import { afterEach, describe, expect, it } from 'vitest'

import { configSection } from '../testing/config-section.js'
import { startTestServer, type TestServer } from '../testing/test-server.js'
import { rawUpgrade } from './testing/raw-upgrade.js'

const upgrade = (url: string, token?: string) => rawUpgrade(url, { token })

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

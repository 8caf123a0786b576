import { afterEach, describe, expect, it } from 'vitest'

import { configSection } from '../testing/config-section.js'
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../testing/test-server.js'

const NO_RATE_LIMITS = {
  security: configSection('security', { rate_limiting: { enabled: false } }),
}

describe('sign-in lockout', () => {
  const servers: TestServer[] = []

  afterEach(async () => {
    // The first server owns the data directory; it goes last.
    for (const server of servers.splice(0).reverse()) {
      await server.close()
    }
  })

  async function start(dataDir?: string) {
    const server = await startTestServer(NO_RATE_LIMITS, { dataDir })
    servers.push(server)
    return server
  }

  function login(server: TestServer, username: string, password: string) {
    return server.call('POST', '/api/v1/auth/login', { body: { username, password } })
  }

  it('refuses a username after 5 failures in two processes on one store, even with the right password', async () => {
    const first = await start()
    const second = await start(first.dataDir)

    for (const server of [first, second, first, second, first]) {
      expect((await login(server, 'admin', 'wrong-password')).status).toBe(401)
    }

    for (const server of [second, first]) {
      const refused = await login(server, 'admin', ADMIN_PASSWORD)

      expect(refused.status).toBe(429)
      expect(refused.body.error).toMatchObject({
        code: 'rate_limited',
        message: expect.stringMatching(
          /^Too many failed sign-ins for this username; try again in \d+ s$/,
        ),
      })
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(890)
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(900)
    }
  })

  it('treats unknown usernames exactly like known ones', async () => {
    const server = await start()
    const answers = async (username: string) => {
      const statuses: number[] = []

      for (let attempt = 0; attempt < 6; attempt++) {
        statuses.push((await login(server, username, 'wrong-password')).status)
      }

      const last = await login(server, username, 'wrong-password')

      return { statuses, message: last.body.error.message.replace(/\d+/, 'N') }
    }

    const unknown = await answers('no.such.user')

    expect(unknown).toEqual(await answers('admin'))
    expect(unknown.statuses).toEqual([401, 401, 401, 401, 401, 429])
  })

  it('starts counting again after a successful sign-in, and keeps usernames apart', async () => {
    const server = await start()
    await server.facilitator('bystander')

    for (let attempt = 0; attempt < 4; attempt++) {
      await login(server, 'admin', 'wrong-password')
    }

    expect((await login(server, 'admin', ADMIN_PASSWORD)).status).toBe(200)

    for (let attempt = 0; attempt < 4; attempt++) {
      expect((await login(server, 'admin', 'wrong-password')).status).toBe(401)
    }

    expect((await login(server, 'Admin', 'wrong-password')).status).toBe(401)
    expect((await login(server, 'admin', ADMIN_PASSWORD)).status).toBe(429)
    expect((await login(server, 'bystander', 'bystander-password-123')).status).toBe(200)
  })

  it('lets no more than 5 parallel guesses through', async () => {
    const server = await start()
    const statuses = await Promise.all(
      Array.from({ length: 20 }, async () => (await login(server, 'admin', 'wrong')).status),
    )

    expect(statuses.filter((status) => status === 401)).toHaveLength(5)
    expect(statuses.filter((status) => status === 429)).toHaveLength(15)
  })
})

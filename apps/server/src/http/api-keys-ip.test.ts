import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { serve } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createKey } from '../testing/api-keys.js'
import { startTestServer, type TestServer } from '../testing/test-server.js'

describe('API key IP allow-lists', () => {
  let server: TestServer
  let token: string

  beforeAll(async () => {
    server = await startTestServer()
    token = await server.facilitator('ip.owner')
  })

  afterAll(() => server.close())

  async function keyFor(allowedIps: string[]) {
    return (
      await createKey(server, token, {
        name: 'Fenced',
        scopes: ['clients:read'],
        allowed_ips: allowedIps,
      })
    ).secret
  }

  /** The app in-process, as if the socket's peer were `address` (what getConnInfo reads). */
  async function fromAddress(secret: string, address: string | null) {
    const env = address === null ? {} : { incoming: { socket: { remoteAddress: address } } }
    const response = await server.app.request(
      '/api/v1/clients',
      { headers: { authorization: `Bearer ${secret}` } },
      env,
    )

    return { status: response.status, body: (await response.json()) as any }
  }

  it('admits IPv4 addresses inside the ranges and refuses others with 403', async () => {
    const secret = await keyFor(['10.0.0.0/8', '192.168.1.7'])

    expect((await fromAddress(secret, '10.20.30.40')).status).toBe(200)
    expect((await fromAddress(secret, '192.168.1.7')).status).toBe(200)

    const refused = await fromAddress(secret, '192.168.1.8')
    expect(refused.status).toBe(403)
    expect(refused.body.error).toMatchObject({
      code: 'permission_denied',
      message: 'This API key may not be used from 192.168.1.8',
    })
  })

  it('admits IPv6 addresses inside the ranges and refuses others', async () => {
    const secret = await keyFor(['2001:db8::/32'])

    expect((await fromAddress(secret, '2001:db8:1::5')).status).toBe(200)
    expect((await fromAddress(secret, '2001:db9::5')).status).toBe(403)
    expect((await fromAddress(secret, '10.0.0.5')).status).toBe(403)
  })

  it('matches IPv4-mapped IPv6 peers against IPv4 ranges', async () => {
    const secret = await keyFor(['10.0.0.0/24'])

    expect((await fromAddress(secret, '::ffff:10.0.0.5')).status).toBe(200)
    expect((await fromAddress(secret, '::ffff:10.0.1.5')).status).toBe(403)
  })

  it('refuses when the peer address is unknown', async () => {
    expect((await fromAddress(await keyFor(['0.0.0.0/0', '::/0']), null)).status).toBe(403)
  })

  it('leaves keys without a list usable from anywhere', async () => {
    expect((await fromAddress(await keyFor([]), '203.0.113.9')).status).toBe(200)
  })

  describe('over real loopback sockets', () => {
    const extra: Array<ReturnType<typeof serve>> = []

    afterAll(async () => {
      for (const listener of extra as Server[]) {
        // fetch keeps connections alive; close them rather than wait for their timeout.
        listener.closeAllConnections()
        await new Promise((resolve) => listener.close(resolve))
      }
    })

    /** The same app on another loopback address, so the peer address is a real one. */
    function listenOn(hostname: string): Promise<string> {
      return new Promise((resolve, reject) => {
        const listener = serve({ fetch: server.app.fetch, hostname, port: 0 }, (info) =>
          resolve(String((info as AddressInfo).port)),
        )
        listener.once('error', reject)
        extra.push(listener)
      })
    }

    async function status(url: string, secret: string) {
      return (await fetch(url, { headers: { authorization: `Bearer ${secret}` } })).status
    }

    it('sees 127.0.0.1 as IPv4', async () => {
      const url = `${server.url}/api/v1/clients`

      expect(await status(url, await keyFor(['127.0.0.0/8']))).toBe(200)
      expect(await status(url, await keyFor(['10.0.0.0/8']))).toBe(403)
    })

    it('sees ::1 as IPv6', async () => {
      const url = `http://[::1]:${await listenOn('::1')}/api/v1/clients`

      expect(await status(url, await keyFor(['::1/128']))).toBe(200)
      expect(await status(url, await keyFor(['127.0.0.0/8']))).toBe(403)
    })

    it('matches a dual-stack socket’s mapped peer ::ffff:127.0.0.1 against an IPv4 entry', async () => {
      // An IPv6 socket bound to the mapped loopback reports IPv4 peers as ::ffff:127.0.0.1.
      const url = `http://127.0.0.1:${await listenOn('::ffff:127.0.0.1')}/api/v1/clients`

      expect(await status(url, await keyFor(['127.0.0.1']))).toBe(200)
      expect(await status(url, await keyFor(['10.0.0.0/8']))).toBe(403)
    })
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createKey } from '../testing/api-keys.js'
import { startTestServer, type TestServer } from '../testing/test-server.js'
import { openSocket } from '../testing/ws-client.js'

describe('the Authorization scheme', () => {
  let server: TestServer
  let sessionToken: string
  let apiKey: string

  beforeAll(async () => {
    server = await startTestServer()
    sessionToken = await server.facilitator('case.insensitive')
    apiKey = (await createKey(server, sessionToken, { name: 'Any case', scopes: ['clients:read'] }))
      .secret
  })

  afterAll(() => server.close())

  const readClients = (authorization: string) =>
    server.call('GET', '/api/v1/clients', { headers: { authorization } })

  it.each(['Bearer', 'bearer', 'BEARER', 'bEaReR'])(
    'accepts the scheme written %s, for session tokens and API keys alike',
    async (scheme) => {
      expect((await readClients(`${scheme} ${sessionToken}`)).status).toBe(200)
      expect((await readClients(`${scheme} ${apiKey}`)).status).toBe(200)
    },
  )

  it('accepts any case on the WebSocket upgrade too', async () => {
    const socket = await openSocket(`${server.url.replace('http', 'ws')}/ws`, {
      headers: { authorization: `bearer ${sessionToken}` },
    })

    // openSocket rejects with the status when the upgrade is refused.
    expect(socket.socket.readyState).toBe(socket.socket.OPEN)
    socket.close()
  })

  it('still refuses other schemes, with a Bearer challenge', async () => {
    const basic = await readClients(`Basic ${Buffer.from('admin:x').toString('base64')}`)

    expect(basic.status).toBe(401)
    expect(basic.headers.get('www-authenticate')).toBe('Bearer realm="smartsteps"')
  })
})

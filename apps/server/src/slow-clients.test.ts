import { connect, type Socket } from 'node:net'

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from './testing/test-server.js'

/** Longer than any configured limit below plus the server's 1 s sweep, far below Node's 5 minutes. */
const GIVE_UP_MS = 6000

interface Outcome {
  /** Whether the server closed the socket before the test gave up. */
  closedByServer: boolean
  elapsedMs: number
  received: string
}

describe('clients that send their request too slowly', () => {
  let server: TestServer
  const sockets: Socket[] = []

  beforeAll(async () => {
    server = await startTestServer({
      server: {
        headers_timeout_seconds: 1,
        request_timeout_seconds: 2,
        keep_alive_timeout_seconds: 1,
      },
    })
  })

  afterEach(() => {
    for (const socket of sockets.splice(0)) {
      socket.destroy()
    }
  })

  afterAll(() => server.close())

  /**
   * Opens a raw connection, writes `opening`, then one `drip` every 200 ms until the server
   * closes the socket or the test gives up.
   */
  function dribble(opening: string, drip: string | null): Promise<Outcome> {
    return new Promise((resolve) => {
      const socket = connect(server.port, '127.0.0.1')
      const started = Date.now()
      let received = ''
      let dripping: NodeJS.Timeout | undefined

      sockets.push(socket)

      const finish = (closedByServer: boolean) => {
        clearInterval(dripping)
        clearTimeout(givingUp)
        resolve({ closedByServer, elapsedMs: Date.now() - started, received })
      }
      const givingUp = setTimeout(() => finish(false), GIVE_UP_MS)

      socket.on('data', (chunk) => (received += chunk.toString()))
      socket.on('error', () => {})
      socket.on('close', () => finish(true))
      socket.on('connect', () => {
        socket.write(opening)

        if (drip !== null) {
          dripping = setInterval(() => socket.writable && socket.write(drip), 200)
        }
      })
    })
  }

  it('closes a connection that dribbles its headers, with 408, once the headers timeout passes', async () => {
    const outcome = await dribble(
      'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n',
      'X-Slow: a\r\n',
    )

    expect(outcome.closedByServer).toBe(true)
    expect(outcome.elapsedMs).toBeLessThan(3500)
    expect(outcome.received).toMatch(/^HTTP\/1\.1 408 /)
  })

  it('closes a connection that dribbles its body once the request timeout passes', async () => {
    const outcome = await dribble(
      'POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
        'Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{',
      ' ',
    )

    expect(outcome.closedByServer).toBe(true)
    expect(outcome.elapsedMs).toBeLessThan(4500)
  })

  it('closes an idle keep-alive connection once the keep-alive timeout passes', async () => {
    const outcome = await dribble('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', null)

    expect(outcome.received).toMatch(/^HTTP\/1\.1 200 /)
    expect(outcome.closedByServer).toBe(true)
    expect(outcome.elapsedMs).toBeLessThan(3000)
  })

  it('still serves a client that sends its request at a normal pace', async () => {
    const response = await server.call('GET', '/api/health')

    expect(response.status).toBe(200)
  })
})

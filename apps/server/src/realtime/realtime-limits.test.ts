import { readFileSync } from 'node:fs'
import { connect as connectTcp } from 'node:net'
import { join } from 'node:path'

import { REALTIME_CLOSE_CODES } from '@smartsteps/contracts'
import { decodeJwt, SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { configSection } from '../testing/config-section.js'
import { startTestServer, type TestServer } from '../testing/test-server.js'
import { openSocket, type TestSocket } from '../testing/ws-client.js'

describe('realtime limits and failures', () => {
  let server: TestServer
  let token: string
  let wsUrl: string
  const sockets: TestSocket[] = []

  beforeAll(async () => {
    server = await startTestServer({
      realtime: {
        messages_per_second: 5,
        message_burst: 5,
        rate_limit_strikes: 3,
        heartbeat_seconds: 1,
        shed_typing_above_bytes: 4096,
        max_send_buffer_bytes: 64 * 1024,
      },
      // These tests flood the server from one address on purpose; rate limits would stop them.
      security: configSection('security', { rate_limiting: { enabled: false } }),
    })
    token = await server.login()
    wsUrl = `${server.url.replace('http', 'ws')}/ws`
  })

  afterAll(async () => {
    sockets.forEach((socket) => socket.socket.terminate())
    await server.close()
  })

  async function connect(bearer = token) {
    const socket = await openSocket(wsUrl, { token: bearer })
    sockets.push(socket)
    return socket
  }

  async function activeSession() {
    return (await server.activeSession(token, 'dr_alex_rivera')).sessionId
  }

  it('answers a burst over the rate with rate_limited, then closes with 1008 when abused', async () => {
    const sessionId = await activeSession()
    const socket = await connect()

    for (let index = 0; index < 12; index++) {
      socket.send({ type: 'leave_session', id: `burst-${index}`, data: { session_id: sessionId } })
    }

    expect(
      await socket.next((frame) => frame.type === 'error' && frame.data.code === 'rate_limited'),
    ).toBeDefined()
    expect((await socket.closed).code).toBe(1008)
  })

  it('closes with 4401 when the access token expires', async () => {
    const secret = new Uint8Array(
      Buffer.from(readFileSync(join(server.dataDir, 'jwt-signing.key'), 'utf8'), 'base64'),
    )
    const login = (
      await server.call('POST', '/api/v1/auth/login', {
        body: { username: 'admin', password: 'admin-password-for-tests' },
      })
    ).body
    // The same login as a real token (its sid), only ending sooner than the server would make it.
    const { sid } = decodeJwt(login.token)
    const shortLived = await new SignJWT({ typ: 'access', role: 'admin', sid })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(login.user.user_id)
      .setIssuer('smartsteps')
      .setAudience('smartsteps-api')
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + 2)
      .sign(secret)
    const socket = await connect(shortLived)

    expect((await socket.closed).code).toBe(REALTIME_CLOSE_CODES.credentialsExpired)
  })

  it('drops a peer that stops answering pings', async () => {
    const socket = await connect()

    // Pausing the TCP stream stops the client from seeing pings and so from answering them.
    ;(socket.socket as unknown as { _socket: { pause(): void } })._socket.pause()
    const started = Date.now()
    ;(socket.socket as unknown as { _socket: { resume(): void } })._socket.resume.bind(null)

    await new Promise((resolve) => setTimeout(resolve, 3500))
    ;(socket.socket as unknown as { _socket: { resume(): void } })._socket.resume()

    const closed = await socket.closed
    expect(closed.code).toBe(1006)
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('drops a consumer that stops reading once its send buffer passes the bound', async () => {
    const sessionId = await activeSession()
    const socket = await connect()

    socket.send({ type: 'join_session', id: 'slow', data: { session_id: sessionId } })
    await socket.next((frame) => frame.type === 'ack')
    ;(socket.socket as unknown as { _socket: { pause(): void } })._socket.pause()

    const content = 'x'.repeat(7000)
    let closedEarly = false
    void socket.closed.then(() => (closedEarly = true))

    for (let index = 0; index < 1500 && !closedEarly; index++) {
      await server.call('POST', `/api/v1/sessions/${sessionId}/messages`, {
        token,
        body: { content, sender_type: 'facilitator' },
      })

      if (index % 100 === 99) {
        const health = await server.call('GET', '/api/health')
        expect(health.status).toBe(200)
      }
    }

    ;(socket.socket as unknown as { _socket: { resume(): void } })._socket.resume()

    expect([REALTIME_CLOSE_CODES.slowConsumer, 1006]).toContain((await socket.closed).code)
  }, 60_000)

  it('survives a garbage handshake and an upgrade with thousands of headers', async () => {
    const port = new URL(server.url).port
    const send = (payload: string) =>
      new Promise<string>((resolve) => {
        const socket = connectTcp(Number(port), '127.0.0.1', () => socket.end(payload))
        let answer = ''
        socket.on('data', (chunk) => (answer += chunk))
        socket.on('close', () => resolve(answer))
        socket.on('error', () => resolve(answer))
      })

    const manyHeaders = Array.from(
      { length: 5000 },
      (_, index) => `X-Filler-${index}: ${'y'.repeat(20)}`,
    ).join('\r\n')

    expect(await send('\x16\x03\x01 definitely not http\r\n\r\n')).toMatch(/^HTTP\/1.1 400/)
    expect(
      await send(
        `GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n${manyHeaders}\r\n\r\n`,
      ),
    ).toMatch(/^HTTP\/1.1 4\d\d/)
    expect(
      await send(
        'GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ???\r\n\r\n',
      ),
    ).toMatch(/^HTTP\/1.1 4\d\d/)

    expect((await server.call('GET', '/api/health')).status).toBe(200)
  })
})

import { REALTIME_CLOSE_CODES } from '@smartsteps/contracts'
import { decodeJwt } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createKey } from '../testing/api-keys.js'
import { startTestServer, type TestServer } from '../testing/test-server.js'
import { ackOf, openSocket, type TestSocket } from '../testing/ws-client.js'

describe('an open socket whose credential changes after the upgrade', () => {
  let server: TestServer
  let adminToken: string
  let wsUrl: string
  const sockets: TestSocket[] = []
  let people = 0

  beforeAll(async () => {
    server = await startTestServer({ realtime: { heartbeat_seconds: 1 } })
    adminToken = await server.login()
    wsUrl = `${server.url.replace('http', 'ws')}/ws`
  })

  afterAll(async () => {
    sockets.forEach((socket) => socket.close())
    await server.close()
  })

  /** A new facilitator with an active session, signed in with a login of their own. */
  async function facilitatorInSession() {
    const username = `standing.${++people}`
    const token = await server.facilitator(username)
    const login = await server.call('POST', '/api/v1/auth/login', {
      body: { username, password: `${username}-password-123` },
    })
    const { sessionId } = await server.activeSession(token)

    return {
      token: login.body.token as string,
      refreshToken: login.body.refresh_token as string,
      userId: decodeJwt(token).sub!,
      sessionId,
    }
  }

  async function connect(options: Parameters<typeof openSocket>[1], url = wsUrl) {
    const socket = await openSocket(url, options)
    sockets.push(socket)
    return socket
  }

  function sendNote(socket: TestSocket, sessionId: string, id: string) {
    socket.send({
      type: 'send_message',
      id,
      data: {
        session_id: sessionId,
        content: 'A note from the console',
        sender_type: 'facilitator',
      },
    })
  }

  it('loses write access on the next frame when the user is demoted', async () => {
    const person = await facilitatorInSession()
    const socket = await connect({ token: person.token })

    sendNote(socket, person.sessionId, 'before')
    await socket.next(ackOf('before'))

    await server.call('PATCH', `/api/v1/users/${person.userId}`, {
      token: adminToken,
      body: { role: 'supervisor' },
    })
    sendNote(socket, person.sessionId, 'after')

    expect(await socket.next((frame) => frame.type === 'error')).toMatchObject({
      data: { code: 'permission_denied', request_id: 'after' },
    })
  })

  it('closes with 4401 on the next frame after a logout, storing nothing', async () => {
    const person = await facilitatorInSession()
    const socket = await connect({ token: person.token })

    await server.call('POST', '/api/v1/auth/logout', {
      body: { refresh_token: person.refreshToken },
    })
    sendNote(socket, person.sessionId, 'after-logout')

    expect(await socket.next((frame) => frame.type === 'error')).toMatchObject({
      data: { code: 'authentication_error', request_id: 'after-logout' },
    })
    expect((await socket.closed).code).toBe(REALTIME_CLOSE_CODES.credentialsExpired)

    const transcript = await server.call('GET', `/api/v1/sessions/${person.sessionId}/messages`, {
      token: adminToken,
    })
    expect(transcript.body.messages).toEqual([])
  })

  it('closes a quiet socket within a heartbeat once the user is deactivated', async () => {
    const person = await facilitatorInSession()
    const socket = await connect({ token: person.token })
    const started = Date.now()

    await server.call('DELETE', `/api/v1/users/${person.userId}`, { token: adminToken })

    expect((await socket.closed).code).toBe(REALTIME_CLOSE_CODES.credentialsExpired)
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('refuses a ticket whose API key was revoked after it was issued', async () => {
    const person = await facilitatorInSession()
    const key = await createKey(server, person.token, {
      name: 'Ticket issuer',
      scopes: ['realtime:connect', 'sessions:read'],
    })
    const ticket = await server.call('POST', '/api/v1/realtime/tickets', {
      headers: { authorization: `Bearer ${key.secret}` },
    })

    await server.call('DELETE', `/api/v1/keys/${key.key_id}`, { token: person.token })

    await expect(connect({}, `${wsUrl}?ticket=${ticket.body.ticket}`)).rejects.toMatchObject({
      status: 401,
    })
  })
})

import { Writable } from 'node:stream'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createLogger } from './logger.js'
import { startTestServer, type TestServer } from './testing/test-server.js'
import { ackOf, openSocket } from './testing/ws-client.js'

/** Everything a client or facilitator typed that must never reach a log line. */
const PERSONAL = {
  firstName: 'Philippa',
  lastName: 'Quarrington',
  email: 'philippa.q@example.test',
  phone: '+44 20 7946 0123',
  goal: 'sleep through the night again',
  message: 'My neighbour Bartholomew keeps shouting and I feel frightened at home',
  note: 'Discussed the landlord dispute at Wexcombe Road',
  password: 'quarrington-secret-password',
}

describe('the server log during a whole session', () => {
  let server: TestServer
  const lines: string[] = []
  const secrets: string[] = []

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean))
        done()
      },
    })

    server = await startTestServer({}, { logger: createLogger('debug', sink) })

    const adminToken = await server.login()
    await server.call('POST', '/api/v1/users', {
      token: adminToken,
      body: {
        username: 'log.facilitator',
        email: 'log.facilitator@example.test',
        password: PERSONAL.password,
        role: 'facilitator',
      },
    })

    const login = await server.call('POST', '/api/v1/auth/login', {
      body: { username: 'log.facilitator', password: PERSONAL.password },
    })
    const token = login.body.token as string
    secrets.push(token, login.body.refresh_token)

    const client = await server.call('POST', '/api/v1/clients', {
      token,
      body: {
        first_name: PERSONAL.firstName,
        last_name: PERSONAL.lastName,
        email: PERSONAL.email,
        phone: PERSONAL.phone,
      },
    })
    const session = await server.call('POST', '/api/v1/sessions', {
      token,
      body: {
        client_id: client.body.client_id,
        persona_id: 'dr_morgan_hayes',
        goals: [PERSONAL.goal],
      },
    })
    const sessionId = session.body.session_id as string
    await server.call('POST', `/api/v1/sessions/${sessionId}/start`, { token })

    const socket = await openSocket(`${server.url.replace('http', 'ws')}/ws`, { token })
    socket.send({ type: 'join_session', id: 'join', data: { session_id: sessionId } })
    await socket.next(ackOf('join'))
    socket.send({
      type: 'send_message',
      id: 'send',
      data: { session_id: sessionId, content: PERSONAL.message, sender_type: 'client' },
    })
    await socket.next(ackOf('send'))

    await server.call('POST', `/api/v1/sessions/${sessionId}/messages`, {
      token,
      body: { content: `${PERSONAL.message} again`, sender_type: 'client' },
    })
    await server.call('POST', `/api/v1/sessions/${sessionId}/notes`, {
      token,
      body: { content: PERSONAL.note },
    })
    await server.call('GET', `/api/v1/clients?search=${PERSONAL.lastName}`, { token })
    await server.call('POST', `/api/v1/sessions/${sessionId}/end`, { token })
    await server.call('POST', `/api/v1/sessions/${sessionId}/analyze/summary`, { token })
    await server.call('POST', '/api/v1/auth/login', {
      body: { username: 'log.facilitator', password: `${PERSONAL.password}-wrong` },
    })
    socket.close()
    await socket.closed
  })

  afterAll(() => server.close())

  it('holds no name, contact detail, message, note, password or token', () => {
    const log = lines.join('\n')

    expect(lines.length).toBeGreaterThan(10)

    for (const text of [...Object.values(PERSONAL), ...secrets]) {
      expect(log).not.toContain(text)
    }

    // Fragments too: a logger that truncated a message would still leak it.
    expect(log).not.toContain('Bartholomew')
    expect(log).not.toContain('Wexcombe')
  })

  it('gives every request line its request id', () => {
    const requests = lines
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.msg === 'request')

    expect(requests.length).toBeGreaterThan(8)

    for (const entry of requests) {
      expect(entry.request_id).toMatch(/^req_/)
    }
  })
})

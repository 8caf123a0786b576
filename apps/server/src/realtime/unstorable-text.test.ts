import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from '../testing/test-server.js'
import { ackOf, openSocket, type TestSocket } from '../testing/ws-client.js'

describe('a send_message frame holding text that cannot be stored as written', () => {
  let server: TestServer
  let token: string
  let socket: TestSocket
  let sessionId: string

  beforeAll(async () => {
    server = await startTestServer()
    token = await server.facilitator('surrogate.facilitator')
    socket = await openSocket(`${server.url.replace('http', 'ws')}/ws`, { token })

    sessionId = (await server.activeSession(token)).sessionId
  })

  afterAll(async () => {
    socket.close()
    await server.close()
  })

  it('is refused with invalid_request, stores nothing and keeps the connection', async () => {
    // JSON.stringify writes a lone surrogate as the escape \ud800, which JSON.parse restores.
    socket.send({
      type: 'send_message',
      id: 'lone',
      data: { session_id: sessionId, content: 'half \ud800 a character', sender_type: 'client' },
    })

    const refused = await socket.next((frame) => frame.type === 'error')

    expect(refused).toMatchObject({
      type: 'error',
      data: { code: 'invalid_request', request_id: 'lone' },
    })

    socket.send({
      type: 'send_message',
      id: 'whole',
      data: { session_id: sessionId, content: 'a whole 😊 character', sender_type: 'facilitator' },
    })
    await socket.next(ackOf('whole'))

    const transcript = await server.call('GET', `/api/v1/sessions/${sessionId}/messages`, {
      token,
    })

    expect(transcript.body.messages.map((message: { content: string }) => message.content)).toEqual(
      ['a whole 😊 character'],
    )
  })
})

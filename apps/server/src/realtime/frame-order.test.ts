import type { ServerFrame } from '@smartsteps/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from '../testing/test-server.js'
import { openSocket, type TestSocket } from '../testing/ws-client.js'

const isAnswer = (frame: ServerFrame) => frame.type === 'ack' || frame.type === 'error'

describe('frames of one connection', () => {
  let server: TestServer
  let token: string
  let socket: TestSocket
  let sessionId: string

  beforeAll(async () => {
    server = await startTestServer()
    token = await server.facilitator('order.facilitator')
    socket = await openSocket(`${server.url.replace('http', 'ws')}/ws`, { token })

    sessionId = (await server.activeSession(token)).sessionId
  })

  afterAll(async () => {
    socket.close()
    await server.close()
  })

  it('are answered and stored in the order they were sent', async () => {
    const sent: string[] = []
    const contents: string[] = []

    // A join (which reads the replay position) between quicker frames, all in one burst.
    socket.send({ type: 'join_session', id: 'f-0', data: { session_id: sessionId } })
    sent.push('f-0')

    for (let index = 1; index <= 12; index++) {
      const id = `f-${index}`
      const content = `note ${index}`

      if (index % 4 === 0) {
        socket.send({
          type: 'typing_indicator',
          id,
          data: { session_id: sessionId, sender_type: 'facilitator', is_typing: index % 8 === 0 },
        })
      } else {
        socket.send({
          type: 'send_message',
          id,
          data: { session_id: sessionId, content, sender_type: 'facilitator' },
        })
        contents.push(content)
      }

      sent.push(id)
    }

    await socket.next((frame) => isAnswer(frame) && frame.id === 'f-12')

    const answered = socket.frames.filter(isAnswer).map((frame) => frame.id)
    const transcript = await server.call('GET', `/api/v1/sessions/${sessionId}/messages`, {
      token,
    })

    expect(answered).toEqual(sent)
    expect(transcript.body.messages.map((message: { content: string }) => message.content)).toEqual(
      contents,
    )
  })
})

describe('frames of one connection over its rate limit', () => {
  let server: TestServer
  let token: string
  let sessionId: string

  beforeAll(async () => {
    server = await startTestServer({
      realtime: { messages_per_second: 0.1, message_burst: 5, rate_limit_strikes: 5 },
    })
    token = await server.facilitator('limit.order.facilitator')

    sessionId = (await server.activeSession(token)).sessionId
  })

  afterAll(() => server.close())

  it('answers every frame in order and acks all accepted ones before closing with 1008', async () => {
    const socket = await openSocket(`${server.url.replace('http', 'ws')}/ws`, { token })
    const sent = Array.from({ length: 10 }, (_, index) => `r-${index}`)

    for (const id of sent) {
      socket.send({
        type: 'send_message',
        id,
        data: { session_id: sessionId, content: `line ${id}`, sender_type: 'facilitator' },
      })
    }

    expect((await socket.closed).code).toBe(1008)

    const answers = socket.frames.flatMap((frame) => {
      if (frame.type === 'ack') return [[frame.id, 'ack']]
      if (frame.type === 'error') return [[frame.data.request_id, 'error']]
      return []
    })

    expect(answers).toEqual(sent.map((id, index) => [id, index < 5 ? 'ack' : 'error']))
  })
})

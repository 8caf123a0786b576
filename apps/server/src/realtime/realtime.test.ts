import type { ServerFrame } from '@smartsteps/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from '../testing/test-server.js'
import { ackOf, openSocket, type TestSocket } from '../testing/ws-client.js'

const isMessage = (content: string) => (frame: ServerFrame) =>
  frame.type === 'new_message' && frame.data.message.content === content

describe('realtime sessions over WebSocket', () => {
  let server: TestServer
  let token: string
  let wsUrl: string
  const sockets: TestSocket[] = []

  beforeAll(async () => {
    server = await startTestServer()
    token = await server.facilitator('live.facilitator')
    wsUrl = `${server.url.replace('http', 'ws')}/ws`
  })

  afterAll(async () => {
    sockets.forEach((socket) => socket.close())
    await server.close()
  })

  async function connect(options: Parameters<typeof openSocket>[1] = { token }) {
    const socket = await openSocket(wsUrl, options)
    sockets.push(socket)
    return socket
  }

  async function activeSession(owner = token) {
    return (await server.activeSession(owner)).sessionId
  }

  async function join(socket: TestSocket, sessionId: string, lastSeq?: number) {
    const id = `join-${Math.random()}`
    socket.send({
      type: 'join_session',
      id,
      data: { session_id: sessionId, ...(lastSeq === undefined ? {} : { last_seq: lastSeq }) },
    })
    return socket.next(ackOf(id))
  }

  it('shows two sockets each other’s messages in order, with the persona typing and replying', async () => {
    const sessionId = await activeSession()
    const console = await connect()
    const app = await connect()
    await join(console, sessionId)
    await join(app, sessionId)

    app.send({
      type: 'send_message',
      id: 'send-1',
      data: {
        session_id: sessionId,
        content: 'I feel anxious about my interview tomorrow.',
        sender_type: 'client',
      },
    })

    const ack = await app.next(ackOf('send-1'))
    expect(ack).toMatchObject({
      type: 'ack',
      data: { request_type: 'send_message', duplicate: false },
    })

    const reply = await console.next(
      (frame) => frame.type === 'new_message' && frame.data.message.sender_type === 'persona',
    )
    await console.next((frame) => frame.type === 'typing_indicator' && !frame.data.is_typing)

    const events = console.frames.filter(
      (frame) => frame.type === 'new_message' || frame.type === 'typing_indicator',
    )
    expect(
      events.map((frame) =>
        frame.type === 'new_message'
          ? frame.data.message.sender_type
          : `typing:${String(frame.data.is_typing)}`,
      ),
    ).toEqual(['client', 'typing:true', 'persona', 'typing:false'])

    const seqs = console.frames
      .filter((frame) => frame.type === 'new_message')
      .map((frame) => (frame as { data: { seq: number } }).data.seq)
    expect(seqs[1]).toBe(seqs[0]! + 1)
    expect(reply.type === 'new_message' && reply.data.message.in_reply_to).toBe(
      ack.type === 'ack' && ack.data.message?.id,
    )

    await app.next(
      (frame) => frame.type === 'new_message' && frame.data.message.sender_type === 'persona',
    )
  })

  it('delivers REST messages and status changes to joined sockets', async () => {
    const sessionId = await activeSession()
    const socket = await connect()
    await join(socket, sessionId)

    await server.call('POST', `/api/v1/sessions/${sessionId}/messages`, {
      token,
      body: { content: 'posted over REST', sender_type: 'facilitator' },
    })
    await socket.next(isMessage('posted over REST'))

    await server.call('POST', `/api/v1/sessions/${sessionId}/end`, { token })
    const update = await socket.next((frame) => frame.type === 'session_update')

    expect(update.data).toMatchObject({
      session_id: sessionId,
      status: 'completed',
      ended_at: expect.any(String),
    })
  })

  it('refuses a join to another facilitator’s session and never delivers its events', async () => {
    const othersToken = await server.facilitator('live.other')
    const sessionId = await activeSession(othersToken)
    const socket = await connect()

    socket.send({ type: 'join_session', id: 'peek', data: { session_id: sessionId } })
    const error = await socket.next(ackOf('peek'))

    expect(error).toMatchObject({
      type: 'error',
      data: { code: 'session_not_found', request_id: 'peek' },
    })

    socket.send({
      type: 'typing_indicator',
      id: 'peek-typing',
      data: { session_id: sessionId, sender_type: 'facilitator', is_typing: true },
    })
    expect(await socket.next(ackOf('peek-typing'))).toMatchObject({
      type: 'error',
      data: { code: 'session_not_found' },
    })

    await server.call('POST', `/api/v1/sessions/${sessionId}/messages`, {
      token: othersToken,
      body: { content: 'private words', sender_type: 'facilitator' },
    })
    await server.call('POST', `/api/v1/sessions/${sessionId}/end`, { token: othersToken })
    await new Promise((resolve) => setTimeout(resolve, 200))

    expect(
      socket.frames.some(
        (frame) =>
          'session_id' in frame.data &&
          frame.data.session_id === sessionId &&
          frame.type !== 'error',
      ),
    ).toBe(false)
  })

  it('replays what a dropped connection missed, in order, without duplicates', async () => {
    const sessionId = await activeSession()
    const first = await connect()
    const joined = await join(first, sessionId)
    const startSeq = joined.type === 'ack' ? joined.data.seq! : -1

    await server.call('POST', `/api/v1/sessions/${sessionId}/messages`, {
      token,
      body: { content: 'seen before the drop', sender_type: 'facilitator' },
    })
    const seen = await first.next(isMessage('seen before the drop'))
    first.socket.terminate()

    for (const content of ['missed one', 'missed two', 'missed three']) {
      await server.call('POST', `/api/v1/sessions/${sessionId}/messages`, {
        token,
        body: { content, sender_type: 'facilitator' },
      })
    }

    const lastSeen = seen.type === 'new_message' ? seen.data.seq : -1
    expect(lastSeen).toBe(startSeq + 1)

    const second = await connect()
    const ack = await join(second, sessionId, lastSeen)

    await server.call('POST', `/api/v1/sessions/${sessionId}/messages`, {
      token,
      body: { content: 'live after rejoin', sender_type: 'facilitator' },
    })
    await second.next(isMessage('live after rejoin'))

    const contents = second.frames.flatMap((frame) =>
      frame.type === 'new_message' ? [frame.data.message.content] : [],
    )
    expect(contents).toEqual(['missed one', 'missed two', 'missed three', 'live after rejoin'])
    expect(ack).toMatchObject({ type: 'ack', data: { replayed: 3, seq: lastSeen + 3 } })
  })

  it('tells a client to resync when what it missed is out of reach', async () => {
    const sessionId = await activeSession()
    const socket = await connect()

    await join(socket, sessionId, 1)

    expect(await socket.next((frame) => frame.type === 'resync')).toMatchObject({
      data: { session_id: sessionId },
    })
  })

  it('stores a retried send once, across WebSocket and REST', async () => {
    const sessionId = await activeSession()
    const socket = await connect()
    const frame = {
      type: 'send_message',
      data: {
        session_id: sessionId,
        content: 'only once please',
        sender_type: 'facilitator',
        client_message_id: 'retry-abc',
      },
    }

    socket.send({ ...frame, id: 'try-1' })
    socket.send({ ...frame, id: 'try-2' })
    const [first, second] = await Promise.all([
      socket.next(ackOf('try-1')),
      socket.next(ackOf('try-2')),
    ])
    const rest = await server.call('POST', `/api/v1/sessions/${sessionId}/messages`, {
      token,
      body: {
        content: 'only once please',
        sender_type: 'facilitator',
        client_message_id: 'retry-abc',
      },
    })

    const firstId = first.type === 'ack' ? first.data.message?.id : undefined
    expect(firstId).toMatch(/^msg_/)
    expect(second).toMatchObject({
      type: 'ack',
      data: { duplicate: true, message: { id: firstId } },
    })
    expect(rest.status).toBe(200)
    expect(rest.body.id).toBe(firstId)
    expect(
      (await server.call('GET', `/api/v1/sessions/${sessionId}`, { token })).body.message_count,
    ).toBe(1)
  })

  it('answers malformed frames with invalid_request and keeps the connection', async () => {
    const sessionId = await activeSession()
    const socket = await connect()

    socket.send('this is not json')
    expect(await socket.next((frame) => frame.type === 'error')).toMatchObject({
      data: { code: 'invalid_request', request_id: null },
    })

    socket.send({ type: 'shout', id: 'odd-1', data: {} })
    expect(await socket.next(ackOf('odd-1'))).toMatchObject({
      type: 'error',
      data: { code: 'invalid_request' },
    })

    socket.send({ type: 'join_session', id: 'odd-2', data: { session_id: '../../etc/passwd' } })
    expect(await socket.next(ackOf('odd-2'))).toMatchObject({
      type: 'error',
      data: { code: 'invalid_request' },
    })

    socket.send({
      type: 'send_message',
      id: 'odd-3',
      data: { session_id: sessionId, content: 'x', sender_type: 'client', admin: true },
    })
    expect(await socket.next(ackOf('odd-3'))).toMatchObject({
      type: 'error',
      data: { code: 'invalid_request' },
    })

    const ack = await join(socket, sessionId)
    expect(ack.type).toBe('ack')
  })

  it('answers a message to a session that is not active with conflict', async () => {
    const sessionId = await activeSession()
    await server.call('POST', `/api/v1/sessions/${sessionId}/end`, { token })
    const socket = await connect()

    socket.send({
      type: 'send_message',
      id: 'late',
      data: { session_id: sessionId, content: 'too late', sender_type: 'client' },
    })

    expect(await socket.next(ackOf('late'))).toMatchObject({
      type: 'error',
      data: { code: 'conflict' },
    })
  })

  it('closes with 1009 on a frame over the size cap', async () => {
    const socket = await connect()

    socket.send('x'.repeat(70 * 1024))

    expect((await socket.closed).code).toBe(1009)
  })

  it('refuses upgrades without credentials, with bad ones, or from an unknown origin, before any 101', async () => {
    await expect(openSocket(wsUrl)).rejects.toMatchObject({ status: 401 })
    await expect(openSocket(wsUrl, { token: 'not-a-token' })).rejects.toMatchObject({ status: 401 })
    await expect(
      openSocket(wsUrl, { token, headers: { origin: 'https://evil.example' } }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      openSocket(`${server.url.replace('http', 'ws')}/elsewhere`, { token }),
    ).rejects.toMatchObject({ status: 404 })
  })

  it('lets a browser in once with a ticket, in the URL or as a subprotocol', async () => {
    const issue = async () =>
      (await server.call('POST', '/api/v1/realtime/tickets', { token })).body.ticket as string

    const ticket = await issue()
    const viaUrl = await connect({ headers: {} } as never).catch(() => null)
    expect(viaUrl).toBeNull()

    const socket = await openSocket(`${wsUrl}?ticket=${ticket}`)
    sockets.push(socket)
    await expect(openSocket(`${wsUrl}?ticket=${ticket}`)).rejects.toMatchObject({ status: 401 })

    const protocolSocket = await openSocket(wsUrl, {
      protocols: ['smartsteps.v1', `ticket.${await issue()}`],
    })
    sockets.push(protocolSocket)
    expect(protocolSocket.socket.protocol).toBe('smartsteps.v1')
  })
})

import type { ServerFrame } from '@smartsteps/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from '../testing/test-server.js'
import { ackOf, openSocket, type TestSocket } from '../testing/ws-client.js'

const clientTyping = (isTyping: boolean) => (frame: ServerFrame) =>
  frame.type === 'typing_indicator' &&
  frame.data.sender_type === 'client' &&
  frame.data.is_typing === isTyping

describe('typing indicators left on by a socket that goes away', () => {
  let server: TestServer
  let token: string
  let wsUrl: string
  const sockets: TestSocket[] = []

  beforeAll(async () => {
    server = await startTestServer()
    token = await server.facilitator('typing.facilitator')
    wsUrl = `${server.url.replace('http', 'ws')}/ws`
  })

  afterAll(async () => {
    sockets.forEach((socket) => socket.close())
    await server.close()
  })

  async function connect() {
    const socket = await openSocket(wsUrl, { token })
    sockets.push(socket)
    return socket
  }

  async function activeSession() {
    return server.activeSession(token)
  }

  async function join(socket: TestSocket, sessionId: string) {
    const id = `join-${Math.random()}`
    socket.send({ type: 'join_session', id, data: { session_id: sessionId } })
    expect(await socket.next(ackOf(id))).toMatchObject({ type: 'ack' })
  }

  /** An app and a console in one session, the app shown typing to the console. */
  async function appTypingToConsole() {
    const { clientId, sessionId } = await activeSession()
    const app = await connect()
    const console = await connect()
    await join(app, sessionId)
    await join(console, sessionId)

    app.send({
      type: 'typing_indicator',
      id: 'typing-on',
      data: { session_id: sessionId, sender_type: 'client', is_typing: true },
    })
    expect(await app.next(ackOf('typing-on'))).toMatchObject({ type: 'ack' })
    await console.next(clientTyping(true))

    return { clientId, sessionId, app, console }
  }

  it('turns the indicator off for the others when the typing socket disconnects', async () => {
    const { clientId, sessionId, app, console } = await appTypingToConsole()

    app.close()

    expect(await console.next(clientTyping(false))).toMatchObject({
      data: { session_id: sessionId, sender_id: clientId, is_typing: false },
    })
  })

  it('turns it off when the typing socket leaves, before acking the leave', async () => {
    const { clientId, sessionId, app, console } = await appTypingToConsole()

    app.send({ type: 'leave_session', id: 'leave', data: { session_id: sessionId } })

    expect(await app.next(ackOf('leave'))).toMatchObject({ type: 'ack' })
    expect(await console.next(clientTyping(false))).toMatchObject({
      data: { sender_id: clientId },
    })
    expect(app.frames.some(clientTyping(false))).toBe(false)
  })

  it('turns it off when the socket drops while its typing frame is in hand', async () => {
    const { sessionId } = await activeSession()
    const app = await connect()
    const console = await connect()
    await join(console, sessionId)

    // Holds the typing frame up until the socket is surely gone, so the close comes first.
    const { sessions } = server.services
    const getVisible = sessions.getVisible
    sessions.getVisible = async (...args) => {
      await new Promise((resolve) => setTimeout(resolve, 200))
      return getVisible(...args)
    }

    try {
      app.send({
        type: 'typing_indicator',
        id: 'typing-then-gone',
        data: { session_id: sessionId, sender_type: 'client', is_typing: true },
      })
      app.socket.terminate()

      await console.next(clientTyping(false))
      await new Promise((resolve) => setTimeout(resolve, 100))
    } finally {
      sessions.getVisible = getVisible
    }

    const clientFrames = console.frames.filter(
      (frame) => frame.type === 'typing_indicator' && frame.data.sender_type === 'client',
    )
    expect(clientFrames.at(-1)).toMatchObject({ data: { is_typing: false } })
  })

  it('sends nothing more for an indicator the socket turned off itself', async () => {
    const { sessionId, app, console } = await appTypingToConsole()

    app.send({
      type: 'typing_indicator',
      id: 'typing-off',
      data: { session_id: sessionId, sender_type: 'client', is_typing: false },
    })
    await console.next(clientTyping(false))
    app.send({ type: 'leave_session', id: 'leave-after-off', data: { session_id: sessionId } })
    await app.next(ackOf('leave-after-off'))

    // The leave's withdrawal, had there been one, is published before the ack; this comes after.
    await server.call('POST', `/api/v1/sessions/${sessionId}/end`, { token })
    await console.next((frame) => frame.type === 'session_update')

    expect(console.frames.filter(clientTyping(false))).toHaveLength(1)
  })
})

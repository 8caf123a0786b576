import type { ServerFrame } from '@smartsteps/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from '../testing/test-server.js'
import { ackOf, openSocket, type TestSocket } from '../testing/ws-client.js'

const updateOf = (sessionId: string) => (frame: ServerFrame) =>
  frame.type === 'session_update' && frame.data.session_id === sessionId

/** The session events a socket received for one session. */
const eventsOf = (socket: TestSocket, sessionId: string) =>
  socket.frames.filter(
    (frame) =>
      (frame.type === 'session_update' ||
        frame.type === 'new_message' ||
        frame.type === 'typing_indicator') &&
      frame.data.session_id === sessionId,
  )

describe('sockets following the sessions of a deleted client', () => {
  let server: TestServer
  let token: string
  let wsUrl: string
  const sockets: TestSocket[] = []

  beforeAll(async () => {
    server = await startTestServer()
    token = await server.facilitator('deletion.facilitator')
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

  async function newClient() {
    return (
      await server.call('POST', '/api/v1/clients', {
        token,
        body: { first_name: 'Gone', last_name: 'Soon' },
      })
    ).body.client_id as string
  }

  async function session(clientId: string, actions: Array<'start' | 'end'>) {
    const sessionId = (
      await server.call('POST', '/api/v1/sessions', {
        token,
        body: { client_id: clientId, persona_id: 'dr_morgan_hayes' },
      })
    ).body.session_id as string

    for (const action of actions) {
      await server.call('POST', `/api/v1/sessions/${sessionId}/${action}`, { token })
    }

    return sessionId
  }

  async function join(socket: TestSocket, sessionId: string) {
    const id = `join-${Math.random()}`
    socket.send({ type: 'join_session', id, data: { session_id: sessionId } })
    return socket.next(ackOf(id))
  }

  it('tells every follower of the deletion, as cancelled when it had not ended', async () => {
    const clientId = await newClient()
    const active = await session(clientId, ['start'])
    const completed = await session(clientId, ['start', 'end'])
    const console = await connect()
    const app = await connect()
    const joined = await join(console, active)
    await join(console, completed)
    await join(app, active)

    expect((await server.call('DELETE', `/api/v1/clients/${clientId}`, { token })).status).toBe(204)

    const seq = joined.type === 'ack' ? joined.data.seq! : -1
    const update = await console.next(updateOf(active))
    expect(update).toMatchObject({
      type: 'session_update',
      data: { session_id: active, seq: seq + 1, status: 'cancelled', deleted: true },
    })
    expect(update.type === 'session_update' && update.data.ended_at).toBeTruthy()
    expect(await app.next(updateOf(active))).toMatchObject({ data: { deleted: true } })
    expect(await console.next(updateOf(completed))).toMatchObject({
      data: { status: 'completed', deleted: true },
    })
  })

  it('delivers nothing more of a deleted session, and refuses to join it again', async () => {
    const doomedClient = await newClient()
    const doomed = await session(doomedClient, ['start'])
    const kept = await session(await newClient(), ['start'])
    const console = await connect()
    await join(console, doomed)
    await join(console, kept)

    await server.call('DELETE', `/api/v1/clients/${doomedClient}`, { token })
    await console.next(updateOf(doomed))

    // Nothing publishes to a deleted session on its own; a straggler would be a bug elsewhere,
    // and must still not reach the socket. The in-process bus delivers as it publishes.
    await server.services.bus.publish(doomed, {
      type: 'session_update',
      data: { session_id: doomed, status: 'active', started_at: null, ended_at: null },
    })
    await server.call('POST', `/api/v1/sessions/${kept}/end`, { token })
    await console.next(updateOf(kept))

    expect(eventsOf(console, doomed)).toEqual([
      expect.objectContaining({
        type: 'session_update',
        data: expect.objectContaining({ deleted: true }),
      }),
    ])
    expect(await join(console, doomed)).toMatchObject({
      type: 'error',
      data: { code: 'session_not_found' },
    })
  })
})

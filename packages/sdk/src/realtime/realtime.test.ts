import { WebSocket } from 'ws'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import type { Credentials } from '../auth/token-keeper.js'
import {
  SmartStepsError,
  SmartStepsNetworkError,
  SmartStepsRealtimeError,
} from '../errors/index.js'
import type { SmartSteps } from '../smart-steps.js'
import { collect, eventually, nextEvent } from '../test-support/events.js'
import { recordingFetch } from '../test-support/recording-fetch.js'
import { newFacilitator, sdkFor, startServer, type TestServer } from '../test-support/server.js'
import type { RealtimeConnection } from './connection.js'
import type { WebSocketConstructor } from './socket.js'

describe('realtime', () => {
  let server: TestServer
  let facilitator: Credentials
  let client: SmartSteps
  const connections: RealtimeConnection[] = []

  beforeAll(async () => {
    server = await startServer({ jwt: { access_token_ttl_seconds: 60 } })
    facilitator = await newFacilitator(server, 'live.user')
    client = sdkFor(server, { credentials: facilitator })
  })

  afterEach(async () => {
    vi.useRealTimers()
    await Promise.all(connections.splice(0).map((connection) => connection.close()))
  })

  afterAll(() => server.close())

  async function connect(
    sdk: SmartSteps,
    options?: Parameters<SmartSteps['realtime']['connect']>[0],
  ) {
    const connection = await sdk.realtime.connect(options)
    connections.push(connection)
    return connection
  }

  async function activeSession(): Promise<string> {
    const person = await client.clients.create({ first_name: 'Jo', last_name: 'Live' })
    const session = await client.sessions.create({
      client_id: person.client_id,
      persona_id: 'dr_morgan_hayes',
    })

    await client.sessions.start(session.session_id)

    return session.session_id
  }

  it('joins, sends with an ack, and sees its message and the persona reply in seq order', async () => {
    const sessionId = await activeSession()
    const live = await connect(client)
    const messages = collect(live, 'new_message')
    const typing = collect(live, 'typing_indicator')

    const joined = await live.join(sessionId)
    const sent = await live.send(sessionId, {
      content: 'I feel anxious before every exam.',
      sender_type: 'client',
    })

    await eventually(() => messages.length === 2)
    await eventually(() => typing.some((indicator) => !indicator.is_typing))

    const [mine, reply] = messages

    expect(joined.replayed).toBe(0)
    expect(sent.duplicate).toBe(false)
    expect(mine!.message).toEqual(sent.message)
    expect(reply!.message).toMatchObject({ sender_type: 'persona', in_reply_to: sent.message.id })
    expect(mine!.seq).toBe(joined.seq + 1)
    expect(reply!.seq).toBe(joined.seq + 2)
    expect(live.lastSeq(sessionId)).toBe(reply!.seq)
    expect(typing.map((indicator) => [indicator.sender_type, indicator.is_typing])).toEqual([
      ['persona', true],
      ['persona', false],
    ])

    const again = await live.send(sessionId, {
      content: 'I feel anxious before every exam.',
      sender_type: 'client',
      client_message_id: sent.message.client_message_id!,
    })

    expect(again).toEqual({ message: sent.message, duplicate: true })
  })

  it('delivers what happens over REST, and typing from another connection', async () => {
    const sessionId = await activeSession()
    const live = await connect(client)
    const other = await connect(sdkFor(server, { credentials: facilitator }))

    await live.join(sessionId)
    await other.join(sessionId)

    const typed = nextEvent(other, 'typing_indicator', (data) => data.sender_type === 'facilitator')
    await live.typing(sessionId, { sender_type: 'facilitator', is_typing: true })
    expect(await typed).toMatchObject({ session_id: sessionId, is_typing: true })

    const note = nextEvent(
      live,
      'new_message',
      (data) => data.message.sender_type === 'facilitator',
    )
    const posted = await client.messages.post(sessionId, {
      content: 'Let us pause here.',
      sender_type: 'facilitator',
    })
    expect((await note).message.id).toBe(posted.id)

    const ended = nextEvent(live, 'session_update')
    await client.sessions.end(sessionId)
    expect(await ended).toMatchObject({ session_id: sessionId, status: 'completed' })
  })

  it('rejects a refused call with SmartStepsRealtimeError and stays usable', async () => {
    const live = await connect(client)
    const scheduled = await client.sessions.create({
      client_id: (await client.clients.create({ first_name: 'No', last_name: 'Start' })).client_id,
      persona_id: 'dr_morgan_hayes',
    })

    const missing = await live.join('ses_00000000000000000000000000').catch((error) => error)
    const early = await live
      .send(scheduled.session_id, { content: 'Hello?', sender_type: 'client' })
      .catch((error) => error)

    expect(missing).toBeInstanceOf(SmartStepsRealtimeError)
    expect(missing).toMatchObject({ code: 'session_not_found', frameId: expect.any(String) })
    expect(early).toMatchObject({ code: 'conflict' })
    await expect(live.join(scheduled.session_id)).resolves.toMatchObject({ replayed: 0 })
  })

  it('opens with a single-use ticket where headers cannot be set, in the subprotocol or the URL', async () => {
    const sessionId = await activeSession()
    const recorder = recordingFetch()
    const browserLike = sdkFor(server, { credentials: facilitator, fetch: recorder.fetch })
    const BrowserWebSocket = WebSocket as unknown as WebSocketConstructor

    const viaProtocol = await connect(browserLike, { WebSocket: BrowserWebSocket })
    const viaQuery = await connect(browserLike, { WebSocket: BrowserWebSocket, ticketIn: 'query' })

    await expect(viaProtocol.join(sessionId)).resolves.toMatchObject({ replayed: 0 })
    await expect(viaQuery.join(sessionId)).resolves.toMatchObject({ replayed: 0 })
    expect(recorder.to('POST', '/api/v1/realtime/tickets').map((call) => call.status)).toEqual([
      201, 201,
    ])
  })

  it('opens with an API key that requires signing, signing the upgrade', async () => {
    const sessionId = await activeSession()
    const key = await client.apiKeys.create({
      name: 'Live console',
      scopes: ['sessions:read', 'realtime:connect'],
      signing: true,
      require_signing: true,
    })

    const signed = await connect(
      sdkFor(server, { apiKey: key.secret, signingSecret: key.signing_secret! }),
    )
    await expect(signed.join(sessionId)).resolves.toMatchObject({ replayed: 0 })

    const unsigned = await sdkFor(server, { apiKey: key.secret })
      .realtime.connect({ reconnect: false })
      .catch((error) => error)

    expect(unsigned).toBeInstanceOf(SmartStepsError)
    expect(unsigned).toMatchObject({ status: 401, code: 'authentication_error' })
  })

  it('reports a credential without realtime:connect as permission_denied', async () => {
    const key = await client.apiKeys.create({ name: 'REST only', scopes: ['sessions:read'] })
    const refused = await sdkFor(server, { apiKey: key.secret })
      .realtime.connect()
      .catch((error) => error)

    expect(refused).toMatchObject({ status: 403, code: 'permission_denied' })
  })

  it('renews an expired access token when the upgrade is refused, then connects', async () => {
    const saved = await sdkFor(server).auth.login(facilitator)

    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true })
    vi.setSystemTime(Date.now() + 120_000)

    const recorder = recordingFetch()
    const restored = sdkFor(server, {
      token: saved.token,
      refreshToken: saved.refresh_token,
      fetch: recorder.fetch,
    })
    const live = await connect(restored)

    expect(live.state).toBe('open')
    expect(recorder.to('POST', '/api/v1/auth/refresh')).toHaveLength(1)
  })

  it('closes for good: later calls reject and `closed` is emitted once', async () => {
    const live = await client.realtime.connect()
    const closed = collect(live, 'closed')

    await live.close()
    await live.close()

    expect(live.state).toBe('closed')
    expect(closed).toEqual([{ code: 1000, reason: expect.any(String) }])
    await expect(live.join('ses_00000000000000000000000000')).rejects.toBeInstanceOf(
      SmartStepsNetworkError,
    )
  })
})

import { rm } from 'node:fs/promises'

import { afterEach, describe, expect, it } from 'vitest'

import type { Credentials } from '../auth/token-keeper.js'
import { SmartSteps } from '../smart-steps.js'
import { collect, eventually, nextEvent } from '../test-support/events.js'
import {
  newFacilitator,
  sdkFor,
  sharedDataDir,
  startServer,
  type TestServer,
} from '../test-support/server.js'
import { startTcpProxy, type TcpProxy } from '../test-support/tcp-proxy.js'

const FAST_RECONNECT = { initialDelayMs: 50, maxDelayMs: 400, maxAttempts: 40 }

describe('resuming after a reconnect', () => {
  const cleanups: Array<() => Promise<unknown>> = []

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup()
    }
  })

  async function activeSession(rest: SmartSteps): Promise<string> {
    const person = await rest.clients.create({ first_name: 'Ari', last_name: 'Resume' })
    const session = await rest.sessions.create({
      client_id: person.client_id,
      persona_id: 'dr_morgan_hayes',
    })

    await rest.sessions.start(session.session_id)

    return session.session_id
  }

  /** A realtime connection that reaches the server through a relay the test can cut. */
  async function connectThrough(proxy: TcpProxy, credentials: Credentials) {
    const live = await new SmartSteps({ baseUrl: proxy.url, credentials }).realtime.connect({
      reconnect: FAST_RECONNECT,
    })

    cleanups.push(() => live.close())

    return live
  }

  it('replays what was missed while the network was down, once, then carries on live', async () => {
    const server = await startServer()
    cleanups.push(() => server.close())
    const credentials = await newFacilitator(server, 'resume.user')
    const rest = sdkFor(server, { credentials })
    const sessionId = await activeSession(rest)

    const proxy = await startTcpProxy(server.port)
    cleanups.push(() => proxy.close())
    const live = await connectThrough(proxy, credentials)

    const messages = collect(live, 'new_message')
    const disconnected = nextEvent(live, 'disconnected')

    await live.join(sessionId)
    await live.send(sessionId, { content: 'Before the outage.', sender_type: 'client' })
    await eventually(() => messages.length === 2)

    proxy.refuse(true)
    proxy.dropAll()
    expect(await disconnected).toMatchObject({ code: 1006, willReconnect: true })

    const reconnected = nextEvent(live, 'reconnected', () => true, 10_000)
    const missed = [
      await rest.messages.post(sessionId, { content: 'During the outage.', sender_type: 'client' }),
      await rest.messages.post(sessionId, { content: 'Still down.', sender_type: 'facilitator' }),
    ]
    // A call made while reconnecting waits for the connection instead of failing.
    const queued = live.send(sessionId, { content: 'Sent while away.', sender_type: 'client' })

    proxy.refuse(false)

    expect((await reconnected).sessions).toEqual([sessionId])
    const sentWhileAway = await queued
    await eventually(() => messages.length === 7)

    const ids = messages.map((data) => data.message.id)
    const seqs = messages.map((data) => data.seq)

    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.slice(2, 5)).toEqual([missed[0]!.id, missed[0]!.persona_reply!.id, missed[1]!.id])
    expect(ids).toContain(sentWhileAway.message.id)
    expect(seqs).toEqual(seqs.map((_seq, index) => seqs[0]! + index))
    expect(live.lastSeq(sessionId)).toBe(seqs.at(-1))
  })

  it('asks for a resync when the restarted server no longer has the missed events', async () => {
    const dataDir = await sharedDataDir()
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))

    let server = await startServer({}, { dataDir })
    const credentials = await newFacilitator(server, 'resync.user')
    const sessionId = await activeSession(sdkFor(server, { credentials }))
    const proxy = await startTcpProxy(server.port)
    cleanups.push(() => proxy.close())

    const live = await connectThrough(proxy, credentials)

    await live.join(sessionId)
    await live.send(sessionId, { content: 'Before the restart.', sender_type: 'client' })
    const seenBefore = live.lastSeq(sessionId)!

    const disconnected = nextEvent(live, 'disconnected')
    await server.close()
    expect(await disconnected).toMatchObject({ code: 1001, willReconnect: true })

    server = await startServer({}, { dataDir })
    cleanups.push(() => server.close())
    proxy.retarget(server.port)

    const resync = await nextEvent(live, 'resync', () => true, 10_000)
    await nextEvent(live, 'reconnected', () => true, 10_000)

    expect(resync.session_id).toBe(sessionId)
    expect(resync.seq).toBeGreaterThan(seenBefore)
    expect(live.lastSeq(sessionId)).toBe(resync.seq)

    // From the resync's seq on, events flow again.
    const next = nextEvent(live, 'new_message')
    await sdkFor(server, { credentials }).messages.post(sessionId, {
      content: 'After the restart.',
      sender_type: 'facilitator',
    })
    expect((await next).seq).toBe(resync.seq + 1)
  })
})

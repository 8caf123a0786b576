import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'

import { startTestServer, type TestServer } from '../testing/test-server.js'
import { rawUpgrade } from './testing/raw-upgrade.js'
import { REALTIME_SUBPROTOCOL } from './upgrade-auth.js'

describe('subprotocol negotiation on /ws', () => {
  let server: TestServer
  let token: string

  beforeAll(async () => {
    server = await startTestServer()
    token = await server.login()
  })

  afterAll(async () => {
    await server.close()
  })

  const issueTicket = async () =>
    (await server.call('POST', '/api/v1/realtime/tickets', { token })).body.ticket as string

  const offering = (protocols: string) => ({ headers: { 'sec-websocket-protocol': protocols } })

  it('selects smartsteps.v1 when it is offered among others', async () => {
    const answer = await rawUpgrade(server.url, { token, ...offering('chat, smartsteps.v1') })

    expect(answer.status).toBe(101)
    expect(answer.headers['sec-websocket-protocol']).toBe(REALTIME_SUBPROTOCOL)
  })

  it('selects none when none offered is acceptable (RFC 6455 §4.2.2)', async () => {
    const answer = await rawUpgrade(server.url, { token, ...offering('chat, smartsteps.v2') })

    expect(answer.status).toBe(101)
    expect(answer.headers).not.toHaveProperty('sec-websocket-protocol')
  })

  it('upgrades without a subprotocol when none is offered', async () => {
    const answer = await rawUpgrade(server.url, { token })

    expect(answer.status).toBe(101)
    expect(answer.headers).not.toHaveProperty('sec-websocket-protocol')
  })

  it('leaves it to the client to give up when it insists on a subprotocol: ws does', async () => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/ws`, ['smartsteps.v2'], {
      headers: { authorization: `Bearer ${token}` },
    })

    await expect(
      new Promise((resolve, reject) => {
        socket.once('open', resolve)
        socket.once('error', reject)
      }),
    ).rejects.toThrow('Server sent no subprotocol')
  })

  it('takes a ticket from the subprotocols and never echoes it back', async () => {
    const withOurs = await rawUpgrade(server.url, {
      ...offering(`${REALTIME_SUBPROTOCOL}, ticket.${await issueTicket()}`),
    })
    const ticketOnly = await rawUpgrade(server.url, offering(`ticket.${await issueTicket()}`))

    expect(withOurs.status).toBe(101)
    expect(withOurs.headers['sec-websocket-protocol']).toBe(REALTIME_SUBPROTOCOL)
    expect(ticketOnly.status).toBe(101)
    expect(ticketOnly.headers).not.toHaveProperty('sec-websocket-protocol')
  })

  it('refuses a spent ticket offered as a subprotocol before any 101', async () => {
    const ticket = await issueTicket()

    await rawUpgrade(server.url, offering(`${REALTIME_SUBPROTOCOL}, ticket.${ticket}`))
    const again = await rawUpgrade(
      server.url,
      offering(`${REALTIME_SUBPROTOCOL}, ticket.${ticket}`),
    )

    expect(again.status).toBe(401)
  })
})

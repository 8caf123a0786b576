import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SmartSteps } from '../smart-steps.js'
import { recordingFetch } from '../test-support/recording-fetch.js'
import { newFacilitator, sdkFor, startServer, type TestServer } from '../test-support/server.js'

async function all<Item>(items: AsyncIterable<Item>): Promise<Item[]> {
  const collected: Item[] = []

  for await (const item of items) {
    collected.push(item)
  }

  return collected
}

describe('pagination', () => {
  let server: TestServer
  let client: SmartSteps
  const recorder = recordingFetch()

  beforeAll(async () => {
    server = await startServer()
    client = sdkFor(server, {
      credentials: await newFacilitator(server, 'pages.user'),
      fetch: recorder.fetch,
    })
  })

  afterAll(() => server.close())

  it('reads every matching client, a page at a time, newest first', async () => {
    const created = []

    for (const n of [1, 2, 3, 4, 5]) {
      created.push(await client.clients.create({ first_name: 'Paige', last_name: `Number ${n}` }))
    }

    await client.clients.create({ first_name: 'Other', last_name: 'Person' })
    recorder.calls.length = 0

    const found = await all(client.clients.iterate({ search: 'paige', limit: 2 }))

    expect(found.map((item) => item.client_id)).toEqual(
      created.map((item) => item.client_id).reverse(),
    )
    expect(recorder.to('GET', '/api/v1/clients').map((call) => call.query)).toEqual([
      '?search=paige&limit=2&page=1',
      '?search=paige&limit=2&page=2',
      '?search=paige&limit=2&page=3',
    ])
  })

  it('does not repeat a client pushed onto the next page by one created meanwhile', async () => {
    const seen: string[] = []

    for await (const item of client.clients.iterate({ search: 'paige', limit: 2 })) {
      if (seen.length === 0) {
        await client.clients.create({ first_name: 'Paige', last_name: 'Newcomer' })
      }

      seen.push(item.client_id)
    }

    expect(new Set(seen).size).toBe(seen.length)
    expect(seen).toHaveLength(5)
  })

  it('filters sessions by several statuses across pages', async () => {
    const { clients } = await client.clients.list({ search: 'newcomer' })
    const clientId = clients[0]!.client_id
    const ids: Record<string, string> = {}

    for (const outcome of ['scheduled', 'active', 'cancelled'] as const) {
      const session = await client.sessions.create({
        client_id: clientId,
        persona_id: 'dr_alex_rivera',
      })
      ids[outcome] = session.session_id

      if (outcome === 'active') await client.sessions.start(session.session_id)
      if (outcome === 'cancelled') await client.sessions.cancel(session.session_id)
    }

    const found = await all(
      client.sessions.iterate({
        client_id: clientId,
        status: ['scheduled', 'cancelled'],
        limit: 1,
      }),
    )

    expect(found.map((session) => session.session_id).sort()).toEqual(
      [ids.scheduled, ids.cancelled].sort(),
    )
    expect(recorder.calls.at(-1)?.query).toContain('status=scheduled%2Ccancelled')
  })

  it('reads a whole transcript by cursor, and on from a given message', async () => {
    const { clients } = await client.clients.list({ search: 'newcomer' })
    const session = await client.sessions.create({
      client_id: clients[0]!.client_id,
      persona_id: 'dr_morgan_hayes',
    })

    await client.sessions.start(session.session_id)

    for (const content of ['I slept badly.', 'Work is hard.', 'My sister helps.', 'I walk.']) {
      await client.messages.post(session.session_id, { content, sender_type: 'client' })
    }

    const transcript = (await client.sessions.get(session.session_id)).messages
    recorder.calls.length = 0

    const read = await all(client.messages.iterate(session.session_id, { limit: 3 }))
    const rest = await all(
      client.messages.iterate(session.session_id, { limit: 3, after: transcript[5]!.id }),
    )

    expect(transcript).toHaveLength(8) // four client messages, four persona replies
    expect(read).toEqual(transcript)
    expect(rest).toEqual(transcript.slice(6))
    expect(recorder.to('GET', `/api/v1/sessions/${session.session_id}/messages`)).toHaveLength(4)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from '../testing/test-server.js'

const LONE_SURROGATE_REASON = 'must be valid Unicode text (no lone surrogates)'

describe('text that is not valid Unicode, and NUL in a search', () => {
  let server: TestServer
  let token: string
  let sessionId: string

  beforeAll(async () => {
    server = await startTestServer()
    token = await server.login()

    const client = await server.call('POST', '/api/v1/clients', {
      token,
      body: { first_name: 'Samira', last_name: 'Null' },
    })

    sessionId = (
      await server.call('POST', '/api/v1/sessions', {
        token,
        body: { client_id: client.body.client_id, persona_id: 'dr_morgan_hayes' },
      })
    ).body.session_id
    await server.call('POST', `/api/v1/sessions/${sessionId}/start`, { token })
  })

  afterAll(() => server.close())

  /** Sends JSON text as written, so a \ud800 escape reaches the server unpaired. */
  function send(method: string, path: string, rawBody: string, withToken = true) {
    return server.call(method, path, {
      ...(withToken ? { token } : {}),
      rawBody,
      headers: { 'content-type': 'application/json' },
    })
  }

  async function clientTotal() {
    return (await server.call('GET', '/api/v1/clients', { token })).body.pagination.total
  }

  it('refuses a lone surrogate in a name with 422 and stores nothing', async () => {
    const before = await clientTotal()
    const high = await send('POST', '/api/v1/clients', '{"first_name":"A\\ud800","last_name":"B"}')
    const low = await send('POST', '/api/v1/clients', '{"first_name":"A","last_name":"\\udc00B"}')

    expect(high.status).toBe(422)
    expect(high.body.error.code).toBe('validation_error')
    expect(high.body.error.details.issues).toEqual([
      { field: 'first_name', reason: LONE_SURROGATE_REASON },
    ])
    expect(low.status).toBe(422)
    expect(low.body.error.details.issues[0].field).toBe('last_name')
    expect(await clientTotal()).toBe(before)
  })

  it('refuses a lone surrogate in message content, metadata and sign-in alike', async () => {
    const message = await send(
      'POST',
      `/api/v1/sessions/${sessionId}/messages`,
      '{"content":"hello \\ud83d there","sender_type":"facilitator"}',
    )
    const metadataKey = await send(
      'POST',
      '/api/v1/clients',
      '{"first_name":"A","last_name":"B","metadata":{"k\\udfff":1}}',
    )
    const metadataValue = await send(
      'POST',
      '/api/v1/clients',
      '{"first_name":"A","last_name":"B","metadata":{"list":["ok","\\ud800"]}}',
    )
    const login = await send(
      'POST',
      '/api/v1/auth/login',
      '{"username":"admin\\ud800","password":"whatever-password"}',
      false,
    )
    const detail = await server.call('GET', `/api/v1/sessions/${sessionId}`, { token })

    expect(message.status).toBe(422)
    expect(message.body.error.details.issues[0].field).toBe('content')
    expect(metadataKey.status).toBe(422)
    expect(metadataValue.status).toBe(422)
    expect(metadataValue.body.error.details.issues[0].field).toBe('metadata.list.1')
    expect(login.status).toBe(422)
    expect(detail.body.message_count).toBe(0)
  })

  it('keeps a well-formed surrogate pair, stored and echoed exactly as sent', async () => {
    const created = await send(
      'POST',
      '/api/v1/clients',
      '{"first_name":"Emo\\ud83d\\ude00ji","last_name":"B"}',
    )
    const read = await server.call('GET', `/api/v1/clients/${created.body.client_id}`, { token })

    expect(created.status).toBe(201)
    expect(created.body.first_name).toBe('Emo😀ji')
    expect(read.body.first_name).toBe('Emo😀ji')
  })

  it('answers a search holding NUL as a search, never as a server error', async () => {
    const plain = await server.call('GET', '/api/v1/clients?search=samira', { token })
    const nulInside = await server.call('GET', '/api/v1/clients?search=samira%00x', { token })
    const nulAfter = await server.call('GET', '/api/v1/clients?search=samira%00', { token })
    const nulOnly = await server.call('GET', '/api/v1/clients?search=%00', { token })

    expect(plain.body.pagination.total).toBe(1)

    // NUL is a character like any other: no name holds it, so nothing matches, and the text
    // after it is not cut off.
    for (const response of [nulInside, nulAfter, nulOnly]) {
      expect(response.status).toBe(200)
      expect(response.body.pagination.total).toBe(0)
    }
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from '../testing/test-server.js'

/** `levels` objects nested in one another: {"a":{"a":...1...}}. */
function nestedObjects(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`
}

function nestedArrays(levels: number): string {
  return `${'['.repeat(levels)}1${']'.repeat(levels)}`
}

describe('JSON bodies built to break the parser or the validators', () => {
  let server: TestServer
  let token: string
  let clientId: string

  beforeAll(async () => {
    server = await startTestServer()
    token = await server.login()
    clientId = (
      await server.call('POST', '/api/v1/clients', {
        token,
        body: { first_name: 'Existing', last_name: 'Client' },
      })
    ).body.client_id
  })

  afterAll(() => server.close())

  function post(path: string, rawBody: string) {
    return server.call('POST', path, {
      token,
      rawBody,
      headers: { 'content-type': 'application/json' },
    })
  }

  async function totals() {
    const clients = await server.call('GET', '/api/v1/clients', { token })
    const sessions = await server.call('GET', '/api/v1/sessions', { token })

    return { clients: clients.body.pagination.total, sessions: sessions.body.pagination.total }
  }

  it('answers client metadata nested 10,000 objects deep with 422, not a crash', async () => {
    const before = await totals()
    const response = await post(
      '/api/v1/clients',
      `{"first_name":"Deep","last_name":"Client","metadata":${nestedObjects(10_000)}}`,
    )

    expect(response.status).toBe(422)
    expect(response.body.error.code).toBe('validation_error')
    expect(response.body.error.details.issues).toEqual([
      { field: 'metadata', reason: 'at most 5 levels deep' },
    ])
    expect(await totals()).toEqual(before)
  })

  it('answers session metadata nested 10,000 objects deep with 422', async () => {
    const before = await totals()
    const response = await post(
      '/api/v1/sessions',
      `{"client_id":"${clientId}","persona_id":"dr_morgan_hayes","metadata":${nestedObjects(10_000)}}`,
    )

    expect(response.status).toBe(422)
    expect(response.body.error.code).toBe('validation_error')
    expect(await totals()).toEqual(before)
  })

  it('answers arrays nested 100,000 deep, in metadata or anywhere else, with 422', async () => {
    const before = await totals()
    const inMetadata = await post(
      '/api/v1/clients',
      `{"first_name":"Deep","last_name":"Client","metadata":{"list":${nestedArrays(100_000)}}}`,
    )
    const inGoals = await post(
      '/api/v1/sessions',
      `{"client_id":"${clientId}","persona_id":"dr_morgan_hayes","goals":${nestedArrays(100_000)}}`,
    )
    const unknownField = await post(
      '/api/v1/clients',
      `{"first_name":"Deep","last_name":"Client","extra":${nestedArrays(100_000)}}`,
    )

    expect([inMetadata.status, inGoals.status, unknownField.status]).toEqual([422, 422, 422])
    expect(await totals()).toEqual(before)
  })

  it('still takes metadata five levels deep', async () => {
    const response = await post(
      '/api/v1/clients',
      `{"first_name":"Five","last_name":"Levels","metadata":${nestedObjects(5)}}`,
    )

    expect(response.status).toBe(201)
    expect(response.body.metadata).toEqual(JSON.parse(nestedObjects(5)))
  })

  it('refuses a __proto__ key at any depth instead of silently dropping it', async () => {
    const before = await totals()
    const atTop = await post(
      '/api/v1/clients',
      '{"first_name":"A","last_name":"B","metadata":{"__proto__":{"admin":true}}}',
    )
    const nested = await post(
      '/api/v1/clients',
      '{"first_name":"A","last_name":"B","metadata":{"x":{"__proto__":{"admin":true}}}}',
    )
    const onUpdate = await server.call('PATCH', `/api/v1/clients/${clientId}`, {
      token,
      rawBody: '{"__proto__":{"first_name":"Changed"},"last_name":"Client"}',
      headers: { 'content-type': 'application/json' },
    })

    expect(atTop.status).toBe(422)
    expect(atTop.body.error.details.issues).toEqual([
      { field: 'metadata.__proto__', reason: 'the key __proto__ is not allowed' },
    ])
    expect(nested.status).toBe(422)
    expect(nested.body.error.details.issues[0].field).toBe('metadata.x.__proto__')
    expect(onUpdate.status).toBe(422)
    expect(await totals()).toEqual(before)
    expect(
      (await server.call('GET', `/api/v1/clients/${clientId}`, { token })).body.first_name,
    ).toBe('Existing')
  })

  it('keeps constructor and prototype keys as plain data that pollutes nothing', async () => {
    const metadata = { constructor: { prototype: { polluted: true } }, prototype: { x: 1 } }
    const created = await post(
      '/api/v1/clients',
      JSON.stringify({ first_name: 'Plain', last_name: 'Data', metadata }),
    )
    const read = await server.call('GET', `/api/v1/clients/${created.body.client_id}`, { token })

    expect(created.status).toBe(201)
    expect(read.body.metadata).toEqual(metadata)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false)
  })
})

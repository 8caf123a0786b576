import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from '../testing/test-server.js'

const CLIENT_JSON = '{"first_name":"Media","last_name":"Type"}'

describe('request bodies must be declared application/json', () => {
  let server: TestServer
  let token: string

  beforeAll(async () => {
    server = await startTestServer()
    token = await server.login()
  })

  afterAll(() => server.close())

  /** A Blob without a type makes fetch send the bytes with no Content-Type header at all. */
  function postClient(headers: Record<string, string>) {
    return fetch(`${server.url}/api/v1/clients`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, ...headers },
      body: new Blob([CLIENT_JSON]),
    })
  }

  async function clientTotal() {
    return (await server.call('GET', '/api/v1/clients', { token })).body.pagination.total
  }

  it('answers a body without a Content-Type with 415 unsupported_media_type', async () => {
    const response = await postClient({})

    expect(response.status).toBe(415)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'unsupported_media_type',
    )
    expect(await clientTotal()).toBe(0)
  })

  it('answers a body with an empty Content-Type with 415 unsupported_media_type', async () => {
    const response = await postClient({ 'content-type': '' })

    expect(response.status).toBe(415)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'unsupported_media_type',
    )
    expect(await clientTotal()).toBe(0)
  })

  it('answers a Content-Type the JSON validator cannot read with 415, not 400', async () => {
    const response = await postClient({ 'content-type': 'application/json; charset' })

    expect(response.status).toBe(415)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'unsupported_media_type',
    )
  })

  it('takes the same body declared application/json', async () => {
    const response = await postClient({ 'content-type': 'application/json; charset=utf-8' })

    expect(response.status).toBe(201)
  })

  it('still takes a POST that has no body and no Content-Type', async () => {
    const client = await server.call('POST', '/api/v1/clients', {
      token,
      body: { first_name: 'No', last_name: 'Body' },
    })
    const session = await server.call('POST', '/api/v1/sessions', {
      token,
      body: { client_id: client.body.client_id, persona_id: 'dr_morgan_hayes' },
    })
    const started = await fetch(`${server.url}/api/v1/sessions/${session.body.session_id}/start`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    })

    expect(started.status).toBe(200)
  })
})

import { createServer, type Server } from 'node:http'

import { ClientSchema } from '@smartsteps/contracts'
import { afterEach, describe, expect, it } from 'vitest'

import { ApiClient } from './api-client.js'
import { ApiFailure } from './api-errors.js'

const USER = { user_id: 'usr_01jf3v9k2m8q4r7t1w5x6y9z0a', username: 'admin', role: 'admin' }
const CLIENT = {
  client_id: 'cli_01jf3v9k2m8q4r7t1w5x6y9z0a',
  first_name: 'Replay',
  last_name: '001',
  email: null,
  phone: null,
  date_of_birth: null,
  metadata: {},
  created_at: '2026-05-11T15:30:00.000Z',
  created_by: USER.user_id,
  updated_at: '2026-05-11T15:30:00.000Z',
}

let server: Server | undefined

afterEach(
  () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
)

/** A loopback stand-in whose tokens are due for refresh at once, so every call refreshes. */
async function fakeApi(clientBody: unknown = CLIENT) {
  const counts = { login: 0, refresh: 0 }
  let issued = 0

  server = createServer((request, response) => {
    const pair = () => ({
      token: `access-${++issued}`,
      token_type: 'Bearer',
      expires_at: new Date(Date.now()).toISOString(),
      refresh_token: `refresh-${issued}`,
      refresh_expires_at: new Date(Date.now() + 3_600_000).toISOString(),
      user: USER,
    })
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'req_test' })
      response.end(JSON.stringify(body))
    }

    if (request.url === '/api/v1/auth/login') {
      counts.login += 1
      return send(200, pair())
    }

    if (request.url === '/api/v1/auth/refresh') {
      counts.refresh += 1
      return send(200, pair())
    }

    send(201, clientBody)
  })

  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0

  return { api: new ApiClient(`http://127.0.0.1:${port}/api/v1`), counts }
}

describe('ApiClient', () => {
  it('shares one refresh between concurrent requests, since refresh tokens are single-use', async () => {
    const { api, counts } = await fakeApi()
    await api.login('admin', 'password')

    const body = { first_name: 'Replay', last_name: '001' }
    const calls = Array.from({ length: 5 }, () =>
      api.request('POST', '/clients', body, ClientSchema, 201),
    )
    await Promise.all(calls)

    expect(counts).toEqual({ login: 1, refresh: 1 })
  })

  it('fails with the request id when a body drifts from the contract', async () => {
    const { api } = await fakeApi({ ...CLIENT, client_id: 'not-an-id' })
    await api.login('admin', 'password')

    const failure = await api
      .request('POST', '/clients', { first_name: 'a', last_name: 'b' }, ClientSchema, 201)
      .catch((error: unknown) => error)

    expect(failure).toBeInstanceOf(ApiFailure)
    expect(failure).toMatchObject({ kind: 'contract', requestId: 'req_test', status: 201 })
  })

  it('fails when the status is not the one the contract names', async () => {
    const { api } = await fakeApi()
    await api.login('admin', 'password')

    const failure = await api
      .request('POST', '/clients', { first_name: 'a', last_name: 'b' }, ClientSchema, 200)
      .catch((error: unknown) => error)

    expect(failure).toMatchObject({ kind: 'contract', detail: 'expected status 200' })
  })
})

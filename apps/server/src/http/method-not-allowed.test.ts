import { ErrorEnvelopeSchema } from '@smartsteps/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from '../testing/test-server.js'

describe('a known path with a method it does not have', () => {
  let server: TestServer
  let token: string
  let clientId: string

  beforeAll(async () => {
    server = await startTestServer()
    token = await server.login()
    clientId = (
      await server.call('POST', '/api/v1/clients', {
        token,
        body: { first_name: 'Method', last_name: 'Client' },
      })
    ).body.client_id
  })

  afterAll(() => server.close())

  it('answers 405 method_not_allowed with the Allow header and the error envelope', async () => {
    const response = await server.call('PUT', '/api/v1/clients', {
      token,
      body: { first_name: 'A', last_name: 'B' },
      headers: { 'x-request-id': 'test-request-0405' },
    })
    const body = ErrorEnvelopeSchema.parse(response.body)

    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, HEAD, POST')
    expect(body.error.code).toBe('method_not_allowed')
    expect(body.error.request_id).toBe('test-request-0405')
    expect((await server.call('GET', '/api/v1/clients', { token })).body.pagination.total).toBe(1)
  })

  it('lists every method of a path with a parameter', async () => {
    const response = await server.call('PUT', `/api/v1/clients/${clientId}`, {
      token,
      body: { first_name: 'Replaced' },
    })

    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('DELETE, GET, HEAD, PATCH')
  })

  it('answers public paths the same way', async () => {
    const health = await server.call('DELETE', '/api/health')
    const login = await server.call('GET', '/api/v1/auth/login')

    expect(health.status).toBe(405)
    expect(health.headers.get('allow')).toBe('GET, HEAD')
    expect(login.status).toBe(405)
    expect(login.headers.get('allow')).toBe('POST')
  })

  it('still answers 404 for paths that do not exist and for resources a route cannot find', async () => {
    const noPath = await server.call('PUT', '/api/v1/nothing-here', { token })
    const noAsset = await server.call('GET', '/api/docs/assets/nothing.css')

    expect(noPath.status).toBe(404)
    expect(noPath.body.error.code).toBe('resource_not_found')
    expect(noPath.headers.get('allow')).toBeNull()
    expect(noAsset.status).toBe(404)
    expect(noAsset.headers.get('allow')).toBeNull()
  })

  it('serves HEAD wherever GET is served', async () => {
    const response = await fetch(`${server.url}/api/health`, { method: 'HEAD' })

    expect(response.status).toBe(200)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from '../testing/test-server.js'

describe('Cache-Control', () => {
  let server: TestServer
  let token: string

  beforeAll(async () => {
    server = await startTestServer()
    token = await server.login()
  })

  afterAll(() => server.close())

  it('marks every API answer no-store: personal data, errors and public routes alike', async () => {
    const created = await server.call('POST', '/api/v1/clients', {
      token,
      body: { first_name: 'Private', last_name: 'Person' },
    })
    const answers = [
      created,
      await server.call('GET', `/api/v1/clients/${created.body.client_id}`, { token }),
      await server.call('GET', '/api/v1/clients', { token }),
      await server.call('GET', '/api/v1/clients'),
      await server.call('GET', '/api/v1/clients/cli_0000000000aaaaaaaaaaaaaaaa', { token }),
      await server.call('POST', '/api/v1/clients', { token, body: { first_name: 1 } }),
      await server.call('POST', '/api/v1/auth/login', {
        body: { username: 'admin', password: 'wrong-password' },
      }),
      await server.call('GET', '/api/health'),
      await server.call('GET', '/api/openapi.json'),
    ]

    expect(answers.map((answer) => answer.status)).toEqual([
      201, 200, 200, 401, 404, 422, 401, 200, 200,
    ])

    for (const answer of answers) {
      expect(answer.headers.get('cache-control')).toBe('no-store')
    }
  })

  it('lets public static files be cached', async () => {
    const avatar = await fetch(`${server.url}/static/avatars/dr_morgan_hayes.svg`)
    const bundle = await fetch(`${server.url}/api/docs/assets/swagger-ui.css`)

    expect(avatar.status).toBe(200)
    expect(avatar.headers.get('cache-control')).toBe('public, max-age=86400')
    expect(bundle.status).toBe(200)
    expect(bundle.headers.get('cache-control')).toBe('public, max-age=86400')
  })
})

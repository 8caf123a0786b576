import { HealthSchema } from '@smartsteps/contracts'
import { afterEach, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from '../testing/test-server.js'

describe('GET /api/health', () => {
  let server: TestServer | undefined

  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  it('needs no credentials and reports the store as ok', async () => {
    server = await startTestServer()

    const response = await server.call('GET', '/api/health')

    expect(response.status).toBe(200)
    expect(HealthSchema.parse(response.body)).toMatchObject({
      status: 'ok',
      checks: { storage: { status: 'ok' } },
    })
    expect(response.headers.get('x-request-id')).toMatch(/^req_/)
  })

  it('answers 503 when the store is unusable', async () => {
    server = await startTestServer()
    await server.services.storage.close()

    const response = await server.call('GET', '/api/health')

    expect(response.status).toBe(503)
    expect(response.body).toMatchObject({
      status: 'unavailable',
      checks: { storage: { status: 'failing' } },
    })
  })
})

import { ErrorEnvelopeSchema } from '@smartsteps/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from '../testing/test-server.js'
import { rawUpgrade } from './testing/raw-upgrade.js'

describe('a refused WebSocket upgrade', () => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer()
  })

  afterAll(() => server.close())

  it('answers in the REST error envelope with a request id, also in X-Request-Id', async () => {
    const answer = await rawUpgrade(server.url)
    const envelope = ErrorEnvelopeSchema.parse(JSON.parse(answer.body))

    expect(answer.status).toBe(401)
    expect(envelope.error.code).toBe('authentication_error')
    expect(envelope.error.request_id).toMatch(/^req_/)
    expect(answer.headers['x-request-id']).toBe(envelope.error.request_id)
  })

  it('keeps the caller’s own X-Request-Id, so a refusal can be traced across services', async () => {
    const answer = await rawUpgrade(server.url, {
      token: 'not-a-real-token',
      headers: { 'x-request-id': 'console-7f3a9e21' },
    })

    expect(JSON.parse(answer.body).error.request_id).toBe('console-7f3a9e21')
    expect(answer.headers['x-request-id']).toBe('console-7f3a9e21')
  })
})

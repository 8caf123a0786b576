import { ErrorEnvelopeSchema } from '@smartsteps/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from '../testing/test-server.js'

interface BadInput {
  name: string
  method: string
  path: (ids: Ids) => string
  body?: string
  contentType?: string
  status: number
  code: string
}

interface Ids {
  client: string
  session: string
}

const json = (value: unknown) => JSON.stringify(value)
const validClient = { first_name: 'Valid', last_name: 'Client' }

const CASES: BadInput[] = [
  {
    name: 'malformed JSON',
    method: 'POST',
    path: () => '/api/v1/clients',
    body: '{"first_name": "A",',
    status: 400,
    code: 'invalid_request',
  },
  {
    name: 'JSON that is not an object',
    method: 'POST',
    path: () => '/api/v1/clients',
    body: '[1,2]',
    status: 422,
    code: 'validation_error',
  },
  {
    name: 'JSON null',
    method: 'POST',
    path: () => '/api/v1/clients',
    body: 'null',
    status: 422,
    code: 'validation_error',
  },
  {
    name: 'empty body',
    method: 'POST',
    path: () => '/api/v1/clients',
    body: '',
    status: 400,
    code: 'invalid_request',
  },
  {
    name: 'wrong type',
    method: 'POST',
    path: () => '/api/v1/clients',
    body: json({ first_name: 42, last_name: 'X' }),
    status: 422,
    code: 'validation_error',
  },
  {
    name: 'missing required field',
    method: 'POST',
    path: () => '/api/v1/clients',
    body: json({ first_name: 'A' }),
    status: 422,
    code: 'validation_error',
  },
  {
    name: 'unknown field on create',
    method: 'POST',
    path: () => '/api/v1/clients',
    body: json({ ...validClient, created_by: 'usr_x' }),
    status: 422,
    code: 'validation_error',
  },
  {
    name: 'prototype pollution key',
    method: 'POST',
    path: () => '/api/v1/clients',
    body: '{"first_name":"A","last_name":"B","__proto__":{"admin":true}}',
    status: 422,
    code: 'validation_error',
  },
  {
    name: 'unknown field on update',
    method: 'PATCH',
    path: (ids) => `/api/v1/clients/${ids.client}`,
    body: json({ client_id: 'cli_x' }),
    status: 422,
    code: 'validation_error',
  },
  {
    name: 'empty update',
    method: 'PATCH',
    path: (ids) => `/api/v1/clients/${ids.client}`,
    body: json({}),
    status: 422,
    code: 'validation_error',
  },
  {
    name: 'bad email',
    method: 'POST',
    path: () => '/api/v1/clients',
    body: json({ ...validClient, email: 'not-an-email' }),
    status: 422,
    code: 'validation_error',
  },
  {
    name: 'impossible date',
    method: 'POST',
    path: () => '/api/v1/clients',
    body: json({ ...validClient, date_of_birth: '2020-02-31' }),
    status: 422,
    code: 'validation_error',
  },
  {
    name: 'date of birth in the future',
    method: 'POST',
    path: () => '/api/v1/clients',
    body: json({ ...validClient, date_of_birth: '2999-01-01' }),
    status: 422,
    code: 'validation_error',
  },
  {
    name: 'date of birth changed to the future',
    method: 'PATCH',
    path: (ids) => `/api/v1/clients/${ids.client}`,
    body: json({ date_of_birth: '2999-01-01' }),
    status: 422,
    code: 'validation_error',
  },
  {
    name: 'name that is only a control character',
    method: 'POST',
    path: () => '/api/v1/clients',
    body: json({ ...validClient, first_name: 'Ann\u0000e', last_name: '\u0000' }),
    status: 422,
    code: 'validation_error',
  },
  {
    name: 'text/plain body',
    method: 'POST',
    path: () => '/api/v1/clients',
    body: json(validClient),
    contentType: 'text/plain',
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'empty Content-Type',
    method: 'POST',
    path: () => '/api/v1/clients',
    body: json(validClient),
    contentType: '',
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'form body',
    method: 'POST',
    path: () => '/api/v1/clients',
    body: 'first_name=A&last_name=B',
    contentType: 'application/x-www-form-urlencoded',
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'body over the limit',
    method: 'POST',
    path: () => '/api/v1/clients',
    body: json({ ...validClient, metadata: { note: 'x'.repeat(1_100_000) } }),
    status: 413,
    code: 'payload_too_large',
  },
  {
    name: 'path id of another kind',
    method: 'GET',
    path: (ids) => `/api/v1/sessions/${ids.client}`,
    status: 422,
    code: 'validation_error',
  },
  {
    name: 'path traversal id',
    method: 'GET',
    path: () => '/api/v1/sessions/..%2F..%2Fetc%2Fpasswd',
    status: 422,
    code: 'validation_error',
  },
  {
    name: 'unknown but well-formed id',
    method: 'GET',
    path: () => '/api/v1/sessions/ses_0000000000aaaaaaaaaaaaaaaa',
    status: 404,
    code: 'resource_not_found',
  },
  {
    name: 'page zero',
    method: 'GET',
    path: () => '/api/v1/clients?page=0',
    status: 422,
    code: 'validation_error',
  },
  {
    name: 'limit too large',
    method: 'GET',
    path: () => '/api/v1/clients?limit=1000',
    status: 422,
    code: 'validation_error',
  },
  {
    name: 'non-numeric limit',
    method: 'GET',
    path: () => '/api/v1/sessions?limit=ten',
    status: 422,
    code: 'validation_error',
  },
  {
    name: 'unknown status filter',
    method: 'GET',
    path: () => '/api/v1/sessions?status=active,paused',
    status: 422,
    code: 'validation_error',
  },
  {
    name: 'unknown persona',
    method: 'POST',
    path: () => '/api/v1/sessions',
    body: json({ client_id: 'cli_0000000000aaaaaaaaaaaaaaaa', persona_id: 'dr_nobody' }),
    status: 404,
    code: 'resource_not_found',
  },
  {
    name: 'duration out of range',
    method: 'POST',
    path: (ids) => '/api/v1/sessions',
    body: json({
      client_id: 'cli_0000000000aaaaaaaaaaaaaaaa',
      persona_id: 'dr_morgan_hayes',
      duration_minutes: -5,
    }),
    status: 422,
    code: 'validation_error',
  },
  {
    name: 'bad scheduled_at',
    method: 'POST',
    path: () => '/api/v1/sessions',
    body: json({
      client_id: 'cli_0000000000aaaaaaaaaaaaaaaa',
      persona_id: 'dr_morgan_hayes',
      scheduled_at: 'tomorrow',
    }),
    status: 422,
    code: 'validation_error',
  },
  {
    name: 'unknown sender type',
    method: 'POST',
    path: (ids) => `/api/v1/sessions/${ids.session}/messages`,
    body: json({ content: 'hi', sender_type: 'robot' }),
    status: 422,
    code: 'validation_error',
  },
  {
    name: 'blank message',
    method: 'POST',
    path: (ids) => `/api/v1/sessions/${ids.session}/messages`,
    body: json({ content: '   ', sender_type: 'client' }),
    status: 422,
    code: 'validation_error',
  },
  {
    name: 'message too long',
    method: 'POST',
    path: (ids) => `/api/v1/sessions/${ids.session}/messages`,
    body: json({ content: 'a'.repeat(8001), sender_type: 'client' }),
    status: 422,
    code: 'validation_error',
  },
  {
    name: 'bad cursor',
    method: 'GET',
    path: (ids) => `/api/v1/sessions/${ids.session}/messages?after=../x`,
    status: 422,
    code: 'validation_error',
  },
  {
    name: 'progress dates reversed',
    method: 'POST',
    path: (ids) => `/api/v1/clients/${ids.client}/analyze/progress`,
    body: json({ start_date: '2026-02-01', end_date: '2026-01-01' }),
    status: 422,
    code: 'validation_error',
  },
  {
    name: 'short password for a new user',
    method: 'POST',
    path: () => '/api/v1/users',
    body: json({
      username: 'shorty',
      email: 's@example.test',
      password: 'short',
      role: 'facilitator',
    }),
    status: 422,
    code: 'validation_error',
  },
  {
    name: 'unknown role',
    method: 'POST',
    path: () => '/api/v1/users',
    body: json({
      username: 'rooted',
      email: 'r@example.test',
      password: 'long-enough-password',
      role: 'root',
    }),
    status: 422,
    code: 'validation_error',
  },
  {
    name: 'unknown route',
    method: 'GET',
    path: () => '/api/v1/nothing-here',
    status: 404,
    code: 'resource_not_found',
  },
]

describe('bad input gets the error envelope and writes nothing', () => {
  let server: TestServer
  let token: string
  const ids: Ids = { client: '', session: '' }

  beforeAll(async () => {
    server = await startTestServer()
    token = await server.login()
    ids.client = (
      await server.call('POST', '/api/v1/clients', { token, body: validClient })
    ).body.client_id
    ids.session = (
      await server.call('POST', '/api/v1/sessions', {
        token,
        body: { client_id: ids.client, persona_id: 'dr_morgan_hayes' },
      })
    ).body.session_id
    await server.call('POST', `/api/v1/sessions/${ids.session}/start`, { token })
  })

  afterAll(() => server.close())

  for (const testCase of CASES) {
    it(`${testCase.name} -> ${testCase.status} ${testCase.code}`, async () => {
      const headers: Record<string, string> = {
        authorization: `Bearer ${token}`,
        'x-request-id': 'test-request-0001',
      }

      if (testCase.body !== undefined) {
        headers['content-type'] = testCase.contentType ?? 'application/json'
      }

      const response = await server.app.request(testCase.path(ids), {
        method: testCase.method,
        headers,
        body: testCase.body,
      })
      const body = ErrorEnvelopeSchema.parse(await response.json())

      expect(response.status).toBe(testCase.status)
      expect(body.error.code).toBe(testCase.code)
      expect(body.error.request_id).toBe('test-request-0001')
      expect(response.headers.get('x-request-id')).toBe('test-request-0001')
    })
  }

  it('stored nothing from the rejected requests', async () => {
    const clients = await server.call('GET', '/api/v1/clients', { token })
    const session = await server.call('GET', `/api/v1/sessions/${ids.session}`, { token })

    expect(clients.body.pagination.total).toBe(1)
    expect(clients.body.clients[0]).toMatchObject({ ...validClient, metadata: {} })
    expect(session.body.message_count).toBe(0)
  })

  it('rejects a streamed body over the limit without a Content-Length', async () => {
    const chunk = new TextEncoder().encode(`{"first_name":"${'y'.repeat(64 * 1024)}`)
    const stream = new ReadableStream({
      start(controller) {
        for (let index = 0; index < 20; index++) controller.enqueue(chunk)
        controller.close()
      },
    })
    const response = await fetch(`${server.url}/api/v1/clients`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit)

    expect(response.status).toBe(413)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'payload_too_large',
    )
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from '../testing/test-server.js'

describe('who may see what', () => {
  let server: TestServer
  let alice: string
  let bob: string
  let admin: string
  let aliceClient: string
  let aliceSession: string

  beforeAll(async () => {
    server = await startTestServer()
    admin = await server.login()
    alice = await server.facilitator('alice')
    bob = await server.facilitator('bob')
    aliceClient = (
      await server.call('POST', '/api/v1/clients', {
        token: alice,
        body: { first_name: 'Private', last_name: 'Person' },
      })
    ).body.client_id
    aliceSession = (
      await server.call('POST', '/api/v1/sessions', {
        token: alice,
        body: { client_id: aliceClient, persona_id: 'dr_morgan_hayes' },
      })
    ).body.session_id
  })

  afterAll(() => server.close())

  const othersRequests = (): Array<[string, string, unknown?]> => [
    ['GET', `/api/v1/clients/${aliceClient}`],
    ['PATCH', `/api/v1/clients/${aliceClient}`, { first_name: 'Changed' }],
    ['DELETE', `/api/v1/clients/${aliceClient}`],
    ['POST', `/api/v1/clients/${aliceClient}/analyze/progress`, {}],
    ['GET', `/api/v1/sessions/${aliceSession}`],
    ['GET', `/api/v1/sessions/${aliceSession}/messages`],
    ['POST', `/api/v1/sessions/${aliceSession}/start`],
    ['POST', `/api/v1/sessions/${aliceSession}/end`],
    ['POST', `/api/v1/sessions/${aliceSession}/cancel`],
    [
      'POST',
      `/api/v1/sessions/${aliceSession}/messages`,
      { content: 'hi', sender_type: 'facilitator' },
    ],
    ['POST', `/api/v1/sessions/${aliceSession}/notes`, { content: 'sneaky' }],
    ['POST', `/api/v1/sessions/${aliceSession}/analyze/summary`],
    ['POST', '/api/v1/sessions', { client_id: aliceClient, persona_id: 'dr_morgan_hayes' }],
  ]

  it("answers 404 for every route on another facilitator's client or session", async () => {
    for (const [method, path, body] of othersRequests()) {
      const response = await server.call(method, path, { token: bob, body })

      expect({ method, path, status: response.status }).toEqual({ method, path, status: 404 })
      expect(response.body.error.code).toBe('resource_not_found')
    }

    const stillThere = await server.call('GET', `/api/v1/sessions/${aliceSession}`, {
      token: alice,
    })
    expect(stillThere.body).toMatchObject({
      status: 'scheduled',
      message_count: 0,
      facilitator_notes: [],
    })
    expect(
      (await server.call('GET', `/api/v1/clients/${aliceClient}`, { token: alice })).body
        .first_name,
    ).toBe('Private')
  })

  it('leaves other facilitators out of listings and searches', async () => {
    const clients = await server.call('GET', '/api/v1/clients?search=Private', { token: bob })
    const sessions = await server.call('GET', `/api/v1/sessions?client_id=${aliceClient}`, {
      token: bob,
    })

    expect(clients.body.clients).toEqual([])
    expect(sessions.body.sessions).toEqual([])
  })

  it('lets admins see everything', async () => {
    expect(
      (await server.call('GET', `/api/v1/clients/${aliceClient}`, { token: admin })).status,
    ).toBe(200)
    expect(
      (await server.call('GET', `/api/v1/sessions/${aliceSession}`, { token: admin })).status,
    ).toBe(200)
    expect(
      (await server.call('GET', '/api/v1/clients?search=private', { token: admin })).body.clients,
    ).toHaveLength(1)
  })

  it('lets a supervisor read every client and session but change nothing', async () => {
    const adminToken = await server.login()
    await server.call('POST', '/api/v1/users', {
      token: adminToken,
      body: {
        username: 'sam.supervisor',
        email: 'sup@example.test',
        password: 'supervisor-password',
        role: 'supervisor',
      },
    })
    const supervisor = await server.login('sam.supervisor', 'supervisor-password')

    expect(
      (await server.call('GET', `/api/v1/sessions/${aliceSession}`, { token: supervisor })).status,
    ).toBe(200)
    expect(
      (await server.call('GET', '/api/v1/clients', { token: supervisor })).body.pagination.total,
    ).toBeGreaterThan(0)
    expect(
      (
        await server.call('POST', `/api/v1/sessions/${aliceSession}/analyze/summary`, {
          token: supervisor,
        })
      ).status,
    ).toBe(200)

    for (const [method, path, body] of [
      ['POST', '/api/v1/clients', { first_name: 'No', last_name: 'Way' }],
      ['PATCH', `/api/v1/clients/${aliceClient}`, { first_name: 'Changed' }],
      ['DELETE', `/api/v1/clients/${aliceClient}`],
      ['POST', `/api/v1/sessions/${aliceSession}/start`],
      ['POST', `/api/v1/sessions/${aliceSession}/notes`, { content: 'x' }],
    ] as Array<[string, string, unknown?]>) {
      const response = await server.call(method, path, { token: supervisor, body })
      expect({ path, status: response.status }).toEqual({ path, status: 403 })
    }

    expect(
      (await server.call('GET', `/api/v1/sessions/${aliceSession}`, { token: alice })).body.status,
    ).toBe('scheduled')
  })

  it('keeps user creation to admins', async () => {
    const response = await server.call('POST', '/api/v1/users', {
      token: alice,
      body: {
        username: 'mallory',
        email: 'm@example.test',
        password: 'long-enough-password',
        role: 'admin',
      },
    })

    expect(response.status).toBe(403)
    expect(response.body.error.code).toBe('permission_denied')
  })

  it('refuses requests without valid credentials', async () => {
    const forged = `${alice.slice(0, -4)}AAAA`

    for (const token of [undefined, 'not-a-jwt', forged]) {
      const response = await server.call('GET', '/api/v1/clients', { token })

      expect(response.status).toBe(401)
      expect(response.body.error.code).toBe('authentication_error')
    }
  })
})

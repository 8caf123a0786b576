import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from '../testing/test-server.js'

describe("an admin's session on a facilitator's client", () => {
  let server: TestServer
  let adminToken: string
  let facilitatorToken: string
  let clientId: string
  let adminSessionId: string

  /** Creates, starts, talks in and ends a session; returns its id. */
  async function completedSession(token: string, content: string): Promise<string> {
    const sessionId = (
      await server.call('POST', '/api/v1/sessions', {
        token,
        body: { client_id: clientId, persona_id: 'dr_morgan_hayes' },
      })
    ).body.session_id

    await server.call('POST', `/api/v1/sessions/${sessionId}/start`, { token })
    await server.call('POST', `/api/v1/sessions/${sessionId}/messages`, {
      token,
      body: { content, sender_type: 'client' },
    })
    await server.call('POST', `/api/v1/sessions/${sessionId}/end`, { token })

    return sessionId
  }

  beforeAll(async () => {
    server = await startTestServer()
    adminToken = await server.login()
    facilitatorToken = await server.facilitator('visibility_facilitator')
    clientId = (
      await server.call('POST', '/api/v1/clients', {
        token: facilitatorToken,
        body: { first_name: 'Shared', last_name: 'Client' },
      })
    ).body.client_id

    await completedSession(facilitatorToken, 'I slept a little better this week.')
    adminSessionId = await completedSession(adminToken, 'I feel hopeless and exhausted.')
  })

  afterAll(() => server.close())

  it('is not the facilitator’s to open', async () => {
    const session = await server.call('GET', `/api/v1/sessions/${adminSessionId}`, {
      token: facilitatorToken,
    })
    const listed = await server.call('GET', `/api/v1/sessions?client_id=${clientId}`, {
      token: facilitatorToken,
    })

    expect(session.status).toBe(404)
    expect(listed.body.pagination.total).toBe(1)
  })

  it('is not counted in the session_count the facilitator reads', async () => {
    const asFacilitator = await server.call('GET', `/api/v1/clients/${clientId}`, {
      token: facilitatorToken,
    })
    const asAdmin = await server.call('GET', `/api/v1/clients/${clientId}`, { token: adminToken })

    expect(asFacilitator.body.session_count).toEqual({ total: 1, completed: 1, scheduled: 0 })
    expect(asAdmin.body.session_count).toEqual({ total: 2, completed: 2, scheduled: 0 })
  })

  it('is not analysed in the progress report the facilitator asks for', async () => {
    const asFacilitator = await server.call(
      'POST',
      `/api/v1/clients/${clientId}/analyze/progress`,
      {
        token: facilitatorToken,
        body: {},
      },
    )
    const asAdmin = await server.call('POST', `/api/v1/clients/${clientId}/analyze/progress`, {
      token: adminToken,
      body: {},
    })

    expect(asFacilitator.status).toBe(200)
    expect(asFacilitator.body.sessions_analyzed).toBe(1)
    expect(asAdmin.body.sessions_analyzed).toBe(2)
  })
})

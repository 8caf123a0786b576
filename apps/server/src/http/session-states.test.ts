import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from '../testing/test-server.js'

type Action = 'start' | 'end' | 'cancel'

/** How to bring a new session into each status. */
const PATHS: Record<string, Action[]> = {
  scheduled: [],
  active: ['start'],
  completed: ['start', 'end'],
  cancelled: ['cancel'],
}

const ALLOWED: Record<string, Partial<Record<Action, string>>> = {
  scheduled: { start: 'active', cancel: 'cancelled' },
  active: { end: 'completed', cancel: 'cancelled' },
  completed: {},
  cancelled: {},
}

describe('the session state machine', () => {
  let server: TestServer
  let token: string
  let clientId: string

  beforeAll(async () => {
    server = await startTestServer()
    token = await server.login()
    clientId = (
      await server.call('POST', '/api/v1/clients', {
        token,
        body: { first_name: 'S', last_name: 'M' },
      })
    ).body.client_id
  })

  afterAll(() => server.close())

  async function sessionIn(status: string): Promise<string> {
    const sessionId = (
      await server.call('POST', '/api/v1/sessions', {
        token,
        body: { client_id: clientId, persona_id: 'dr_morgan_hayes' },
      })
    ).body.session_id

    for (const action of PATHS[status]!) {
      expect(
        (await server.call('POST', `/api/v1/sessions/${sessionId}/${action}`, { token })).status,
      ).toBe(200)
    }

    return sessionId
  }

  for (const [from, allowed] of Object.entries(ALLOWED)) {
    for (const action of ['start', 'end', 'cancel'] as const) {
      const to = allowed[action]

      it(`${action} from ${from} ${to ? `moves to ${to}` : 'is a conflict'}`, async () => {
        const sessionId = await sessionIn(from)
        const response = await server.call('POST', `/api/v1/sessions/${sessionId}/${action}`, {
          token,
        })

        if (to) {
          expect(response.status).toBe(200)
          expect(response.body.status).toBe(to)
        } else {
          expect(response.status).toBe(409)
          expect(response.body.error).toMatchObject({
            code: 'conflict',
            details: { current_status: from },
          })
          expect(
            (await server.call('GET', `/api/v1/sessions/${sessionId}`, { token })).body.status,
          ).toBe(from)
        }
      })
    }

    it(`a message to a ${from} session is ${from === 'active' ? 'accepted' : 'a conflict'}`, async () => {
      const sessionId = await sessionIn(from)
      const response = await server.call('POST', `/api/v1/sessions/${sessionId}/messages`, {
        token,
        body: { content: 'hello', sender_type: 'facilitator' },
      })

      expect(response.status).toBe(from === 'active' ? 201 : 409)
    })
  }

  it('lets exactly one of many concurrent starts win', async () => {
    const sessionId = await sessionIn('scheduled')
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        server.call('POST', `/api/v1/sessions/${sessionId}/start`, { token }),
      ),
    )

    expect(responses.filter((response) => response.status === 200)).toHaveLength(1)
    expect(responses.filter((response) => response.status === 409)).toHaveLength(7)
  })
})

import { MessageListSchema } from '@smartsteps/contracts'
import { decodeJwt } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from '../testing/test-server.js'

describe('who posted a message', () => {
  let server: TestServer
  let token: string
  let userId: string
  let sessionId: string

  beforeAll(async () => {
    server = await startTestServer()
    token = await server.facilitator('authorship.facilitator')
    userId = decodeJwt(token).sub!
    sessionId = (await server.activeSession(token)).sessionId
  })

  afterAll(() => server.close())

  it('records the user behind a message written in the persona voice', async () => {
    const posted = await server.call('POST', `/api/v1/sessions/${sessionId}/messages`, {
      token,
      body: { content: 'Let us pause here for today.', sender_type: 'persona' },
    })

    expect(posted.status).toBe(201)
    expect(posted.body.sender_id).toBe('dr_morgan_hayes')
    expect(posted.body.posted_by).toBe(userId)
  })

  it('leaves posted_by off the replies the persona engine wrote', async () => {
    const posted = await server.call('POST', `/api/v1/sessions/${sessionId}/messages`, {
      token,
      body: { content: 'I have been feeling low all week.', sender_type: 'client' },
    })

    expect(posted.body.posted_by).toBe(userId)
    expect(posted.body.persona_reply.sender_type).toBe('persona')
    expect(posted.body.persona_reply).not.toHaveProperty('posted_by')

    const listed = MessageListSchema.parse(
      (await server.call('GET', `/api/v1/sessions/${sessionId}/messages`, { token })).body,
    )
    const authors = listed.messages.map((message) => [message.sender_type, message.posted_by])

    expect(authors).toEqual([
      ['persona', userId],
      ['client', userId],
      ['persona', undefined],
    ])
  })
})

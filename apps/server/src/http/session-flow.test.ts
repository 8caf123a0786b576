import {
  ClientDetailSchema,
  CreateMessageResponseSchema,
  MessageListSchema,
  ProgressReportSchema,
  SessionDetailSchema,
  SessionListSchema,
  SessionSchema,
  SessionSummarySchema,
  TokenResponseSchema,
} from '@smartsteps/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from '../testing/test-server.js'

describe('a whole persona session over HTTP', () => {
  let server: TestServer
  let token: string

  beforeAll(async () => {
    server = await startTestServer()
    token = await server.facilitator('flow.facilitator')
  })

  afterAll(() => server.close())

  it('runs from client registration to a progress report', async () => {
    const client = await server.call('POST', '/api/v1/clients', {
      token,
      body: { first_name: 'Sam', last_name: 'Taylor', email: 'sam@example.test' },
    })
    expect(client.status).toBe(201)

    const clientId = client.body.client_id as string
    const sessionIds: string[] = []
    const conversations = [
      [
        'I feel so anxious about my exams, I cannot sleep and I keep panicking.',
        'Everything feels hopeless and overwhelming.',
      ],
      [
        'I am still worried about the exams but I tried a breathing exercise.',
        'I made a study plan and it helped a bit.',
      ],
      [
        'I feel calmer this week and I am proud that I kept to my plan.',
        'I went for walks and I am sleeping better.',
      ],
    ]

    for (const turns of conversations) {
      const created = await server.call('POST', '/api/v1/sessions', {
        token,
        body: {
          client_id: clientId,
          persona_id: 'dr_morgan_hayes',
          goals: ['manage exam anxiety'],
          duration_minutes: 45,
        },
      })
      expect(created.status).toBe(201)
      expect(SessionSchema.parse(created.body).status).toBe('scheduled')

      const sessionId = created.body.session_id as string
      sessionIds.push(sessionId)

      const started = await server.call('POST', `/api/v1/sessions/${sessionId}/start`, { token })
      expect(started.status).toBe(200)
      expect(started.body.status).toBe('active')
      expect(started.body.started_at).toEqual(expect.any(String))

      for (const content of turns) {
        const sent = await server.call('POST', `/api/v1/sessions/${sessionId}/messages`, {
          token,
          body: { content, sender_type: 'client' },
        })
        expect(sent.status).toBe(201)

        const message = CreateMessageResponseSchema.parse(sent.body)
        expect(message.sender_id).toBe(clientId)
        expect(message.persona_reply?.sender_type).toBe('persona')
        expect(message.persona_reply?.sender_id).toBe('dr_morgan_hayes')
        expect(message.persona_reply?.content.length).toBeGreaterThan(10)
      }

      const ended = await server.call('POST', `/api/v1/sessions/${sessionId}/end`, { token })
      expect(ended.status).toBe(200)
      expect(ended.body.status).toBe('completed')
    }

    const detail = SessionDetailSchema.parse(
      (await server.call('GET', `/api/v1/sessions/${sessionIds[0]}`, { token })).body,
    )
    expect(detail.messages.map((message) => message.sender_type)).toEqual([
      'client',
      'persona',
      'client',
      'persona',
    ])
    expect(detail.summary).toEqual(expect.any(String))
    expect(detail.message_count).toBe(4)

    const summary = await server.call('POST', `/api/v1/sessions/${sessionIds[0]}/analyze/summary`, {
      token,
    })
    expect(summary.status).toBe(200)
    expect(SessionSummarySchema.parse(summary.body).mood_analysis.primary).toBe('anxiety')

    const progress = await server.call('POST', `/api/v1/clients/${clientId}/analyze/progress`, {
      token,
      body: { focus_areas: ['anxiety'] },
    })
    expect(progress.status).toBe(200)

    const report = ProgressReportSchema.parse(progress.body)
    expect(report.sessions_analyzed).toBe(3)
    expect(report.metrics.negative_emotion_intensity.trend).toBe('improving')

    const counts = ClientDetailSchema.parse(
      (await server.call('GET', `/api/v1/clients/${clientId}`, { token })).body,
    ).session_count
    expect(counts).toEqual({ total: 3, completed: 3, scheduled: 0 })
  })

  it('pages the transcript with an after-cursor', async () => {
    const { sessionId } = await server.activeSession(token, 'dr_alex_rivera')

    for (let index = 0; index < 5; index++) {
      await server.call('POST', `/api/v1/sessions/${sessionId}/messages`, {
        token,
        body: { content: `facilitator note ${index}`, sender_type: 'facilitator' },
      })
    }

    const first = MessageListSchema.parse(
      (await server.call('GET', `/api/v1/sessions/${sessionId}/messages?limit=3`, { token })).body,
    )
    expect(first.messages.map((message) => message.content)).toEqual([
      'facilitator note 0',
      'facilitator note 1',
      'facilitator note 2',
    ])
    expect(first.next_cursor).toBe(first.messages[2]!.id)

    const second = MessageListSchema.parse(
      (
        await server.call(
          'GET',
          `/api/v1/sessions/${sessionId}/messages?limit=3&after=${first.next_cursor}`,
          { token },
        )
      ).body,
    )
    expect(second.messages.map((message) => message.content)).toEqual([
      'facilitator note 3',
      'facilitator note 4',
    ])
    expect(second.next_cursor).toBeNull()
  })

  it('lists sessions filtered by client and a comma list of statuses', async () => {
    const clientId = (
      await server.call('POST', '/api/v1/clients', {
        token,
        body: { first_name: 'C', last_name: 'D' },
      })
    ).body.client_id
    const ids: string[] = []

    for (let index = 0; index < 3; index++) {
      ids.push(
        (
          await server.call('POST', '/api/v1/sessions', {
            token,
            body: { client_id: clientId, persona_id: 'dr_alex_rivera' },
          })
        ).body.session_id,
      )
    }

    await server.call('POST', `/api/v1/sessions/${ids[0]}/start`, { token })
    await server.call('POST', `/api/v1/sessions/${ids[1]}/cancel`, { token })

    const listed = SessionListSchema.parse(
      (
        await server.call(
          'GET',
          `/api/v1/sessions?client_id=${clientId}&status=active,cancelled&limit=1`,
          { token },
        )
      ).body,
    )
    expect(listed.pagination).toEqual({ total: 2, page: 1, page_size: 1, pages: 2 })
    expect(listed.sessions).toHaveLength(1)
  })

  it('records facilitator notes and shows them on the session', async () => {
    const clientId = (
      await server.call('POST', '/api/v1/clients', {
        token,
        body: { first_name: 'E', last_name: 'F' },
      })
    ).body.client_id
    const sessionId = (
      await server.call('POST', '/api/v1/sessions', {
        token,
        body: { client_id: clientId, persona_id: 'dr_morgan_hayes' },
      })
    ).body.session_id
    const note = await server.call('POST', `/api/v1/sessions/${sessionId}/notes`, {
      token,
      body: { content: 'Client arrived late.' },
    })

    expect(note.status).toBe(201)
    expect(note.body).toMatchObject({
      content: 'Client arrived late.',
      author: expect.stringMatching(/^usr_/),
    })

    const second = await server.call('POST', `/api/v1/sessions/${sessionId}/notes`, {
      token,
      body: { content: 'Agreed to try the sleep diary.' },
    })

    const detail = await server.call('GET', `/api/v1/sessions/${sessionId}`, { token })
    expect(detail.body.facilitator_notes).toEqual([note.body, second.body])

    const listed = await server.call('GET', `/api/v1/sessions/${sessionId}/notes`, { token })
    expect(listed.status).toBe(200)
    expect(listed.body).toEqual({ notes: [note.body, second.body] })
  })

  it('flags a session whose client signals risk in indirect words', async () => {
    const { sessionId } = await server.activeSession(token, 'dr_alex_rivera')

    const sent = await server.call('POST', `/api/v1/sessions/${sessionId}/messages`, {
      token,
      body: { content: 'I wrote goodbye letters to my family last night.', sender_type: 'client' },
    })

    expect(sent.body.persona_reply.content).toMatch(/emergency|crisis|urgent/i)
    expect(sent.body.persona_reply.content).not.toMatch(/good to hear/i)

    const detail = await server.call('GET', `/api/v1/sessions/${sessionId}`, { token })
    expect(detail.body.risk).toMatchObject({ flagged: true, message_ids: [sent.body.id] })
  })

  it('flags a session whose client signals risk and answers with urgent help', async () => {
    const { sessionId } = await server.activeSession(token)

    const sent = await server.call('POST', `/api/v1/sessions/${sessionId}/messages`, {
      token,
      body: {
        content: 'I just want to kill myself, there is no point any more.',
        sender_type: 'client',
      },
    })
    expect(sent.body.persona_reply.content).toMatch(/emergency|crisis|urgent/i)

    const detail = await server.call('GET', `/api/v1/sessions/${sessionId}`, { token })
    expect(detail.body.risk).toMatchObject({
      flagged: true,
      categories: ['self_harm'],
      message_ids: [sent.body.id],
    })

    const summary = await server.call('POST', `/api/v1/sessions/${sessionId}/analyze/summary`, {
      token,
    })
    expect(summary.body.risk.flagged).toBe(true)
  })

  it('refreshes tokens once and revokes the family when a refresh token is reused', async () => {
    const login = TokenResponseSchema.parse(
      (
        await server.call('POST', '/api/v1/auth/login', {
          body: { username: 'admin', password: 'admin-password-for-tests' },
        })
      ).body,
    )
    const refreshed = await server.call('POST', '/api/v1/auth/refresh', {
      body: { refresh_token: login.refresh_token },
    })
    expect(refreshed.status).toBe(200)

    const reused = await server.call('POST', '/api/v1/auth/refresh', {
      body: { refresh_token: login.refresh_token },
    })
    expect(reused.status).toBe(401)

    const descendant = await server.call('POST', '/api/v1/auth/refresh', {
      body: { refresh_token: refreshed.body.refresh_token },
    })
    expect(descendant.status).toBe(401)
  })
})

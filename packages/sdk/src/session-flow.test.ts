import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SmartSteps } from './smart-steps.js'
import {
  ADMIN,
  newFacilitator,
  sdkFor,
  startServer,
  type TestServer,
} from './test-support/server.js'

describe('a whole session through the SDK', () => {
  let server: TestServer
  let client: SmartSteps

  beforeAll(async () => {
    server = await startServer()
    client = sdkFor(server, { credentials: await newFacilitator(server, 'flow.sdk') })
  })

  afterAll(() => server.close())

  it('runs from registering a client to a progress report, and erases the client', async () => {
    const { personas } = await client.personas.list()
    const persona = await client.personas.get('dr_morgan_hayes')

    expect(personas.map((summary) => summary.persona_id)).toContain('dr_morgan_hayes')
    expect(persona.techniques.length).toBeGreaterThan(0)

    const sam = await client.clients.create({
      first_name: 'Sam',
      last_name: 'Taylor',
      email: 'sam@example.test',
      metadata: { referral: 'gp' },
    })
    const updated = await client.clients.update(sam.client_id, { phone: '+44 20 7946 0958' })

    expect(updated.phone).toBe('+44 20 7946 0958')

    const session = await client.sessions.create({
      client_id: sam.client_id,
      persona_id: 'dr_morgan_hayes',
      goals: ['manage exam anxiety'],
    })

    expect(session).toMatchObject({ status: 'scheduled', duration_minutes: 50, message_count: 0 })
    expect((await client.sessions.start(session.session_id)).status).toBe('active')

    const posted = await client.messages.post(session.session_id, {
      content: 'I feel so anxious about my exams that I cannot sleep.',
      sender_type: 'client',
    })

    expect(posted).toMatchObject({
      sender_type: 'client',
      sender_id: sam.client_id,
      duplicate: false,
    })
    expect(posted.client_message_id).toMatch(/^[0-9a-f-]{36}$/) // made up by the SDK
    expect(posted.persona_reply).toMatchObject({ sender_type: 'persona', in_reply_to: posted.id })

    const note = await client.notes.create(session.session_id, { content: 'Sleep is the theme.' })
    const summary = await client.analysis.summary(session.session_id)

    expect(summary.session_id).toBe(session.session_id)
    expect(summary.mood_analysis.primary).toBe('anxiety')

    const ended = await client.sessions.end(session.session_id)
    const detail = await client.sessions.get(session.session_id)

    expect(ended.status).toBe('completed')
    expect(detail.messages.map((message) => message.id)).toEqual([
      posted.id,
      posted.persona_reply!.id,
    ])
    expect(detail.facilitator_notes).toEqual([note])
    expect(await client.notes.list(session.session_id)).toEqual([note])

    const report = await client.analysis.progress(sam.client_id)
    const listed = await client.sessions.list({ client_id: sam.client_id, status: ['completed'] })
    const counted = await client.clients.get(sam.client_id)

    expect(report).toMatchObject({ client_id: sam.client_id, sessions_analyzed: 1 })
    expect(listed.sessions.map((listedSession) => listedSession.session_id)).toEqual([
      session.session_id,
    ])
    expect(counted.session_count).toEqual({ total: 1, completed: 1, scheduled: 0 })

    await client.clients.delete(sam.client_id)

    await expect(client.sessions.get(session.session_id)).rejects.toMatchObject({
      status: 404,
      code: 'resource_not_found',
    })
  })

  it('cancels a scheduled session and refuses to start it afterwards', async () => {
    const alex = await client.clients.create({ first_name: 'Alex', last_name: 'Kim' })
    const session = await client.sessions.create({
      client_id: alex.client_id,
      persona_id: 'dr_jordan_chen',
    })

    expect((await client.sessions.cancel(session.session_id)).status).toBe('cancelled')
    await expect(client.sessions.start(session.session_id)).rejects.toMatchObject({
      status: 409,
      code: 'conflict',
    })
  })

  it('lets an admin manage users', async () => {
    const admin = sdkFor(server, { credentials: ADMIN })
    const created = await admin.users.create({
      username: 'flow.supervisor',
      email: 'supervisor@example.test',
      password: 'supervisor-password-1',
      role: 'supervisor',
    })

    expect(await admin.users.get(created.user_id)).toEqual(created)
    expect((await admin.users.update(created.user_id, { role: 'facilitator' })).role).toBe(
      'facilitator',
    )
    expect((await admin.users.deactivate(created.user_id)).active).toBe(false)

    const usernames: string[] = []

    for await (const user of admin.users.iterate({ limit: 1 })) {
      usernames.push(user.username)
    }

    expect(usernames.sort()).toEqual(['admin', 'flow.sdk', 'flow.supervisor'])
  })

  it('reads the health check without credentials', async () => {
    await expect(sdkFor(server).health()).resolves.toMatchObject({ status: 'ok' })
  })
})

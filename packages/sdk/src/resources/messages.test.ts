import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { SmartStepsNetworkError } from '../errors/index.js'
import type { SmartSteps } from '../smart-steps.js'
import { recordingFetch } from '../test-support/recording-fetch.js'
import { newFacilitator, sdkFor, startServer, type TestServer } from '../test-support/server.js'
import type { Credentials } from '../auth/token-keeper.js'

describe('posting messages idempotently', () => {
  let server: TestServer
  let facilitator: Credentials
  let client: SmartSteps

  beforeAll(async () => {
    server = await startServer()
    facilitator = await newFacilitator(server, 'idempotent.user')
    client = sdkFor(server, { credentials: facilitator })
  })

  afterAll(() => server.close())

  async function activeSession(): Promise<string> {
    const person = await client.clients.create({ first_name: 'Robin', last_name: 'Lee' })
    const session = await client.sessions.create({
      client_id: person.client_id,
      persona_id: 'dr_morgan_hayes',
    })

    await client.sessions.start(session.session_id)

    return session.session_id
  }

  it('answers a repeated client_message_id with the first message, storing nothing new', async () => {
    const sessionId = await activeSession()
    const send = () =>
      client.messages.post(sessionId, {
        content: 'I keep worrying about money.',
        sender_type: 'client',
        client_message_id: 'c-money-1',
      })

    const first = await send()
    const again = await send()

    expect(first.duplicate).toBe(false)
    expect(again.duplicate).toBe(true)
    expect(again.id).toBe(first.id)
    expect(again.persona_reply?.id).toBe(first.persona_reply?.id)
    expect((await client.sessions.get(sessionId)).message_count).toBe(2)
  })

  it('sends again by itself when the answer is lost, and the server stores the message once', async () => {
    const sessionId = await activeSession()
    let lost = false
    const recorder = recordingFetch({
      after: (call, response) => {
        if (call.method === 'POST' && call.path.endsWith('/messages') && !lost) {
          lost = true
          throw new TypeError('fetch failed: the connection was reset') // stored, answer lost
        }

        return response
      },
    })
    const flaky = sdkFor(server, { credentials: facilitator, fetch: recorder.fetch })

    const posted = await flaky.messages.post(sessionId, {
      content: 'I could not sleep again.',
      sender_type: 'client',
    })

    const attempts = recorder.to('POST', `/api/v1/sessions/${sessionId}/messages`)
    const transcript = (await client.sessions.get(sessionId)).messages

    expect(attempts.map((attempt) => attempt.status)).toEqual([201, 200])
    expect(attempts[0]!.body).toBe(attempts[1]!.body) // the same client_message_id both times
    expect(posted.duplicate).toBe(true)
    expect(transcript.map((message) => message.id)).toEqual([posted.id, posted.persona_reply!.id])
  })

  it('leaves the retry to the caller when automatic retries are off', async () => {
    const sessionId = await activeSession()
    const recorder = recordingFetch({
      after: (call, response) => {
        if (call.path.endsWith('/messages')) {
          throw new TypeError('fetch failed') // stored, answer lost
        }

        return response
      },
    })
    const offline = sdkFor(server, {
      credentials: facilitator,
      fetch: recorder.fetch,
      retryNetworkErrors: false,
    })
    const input = {
      content: 'Is anyone there?',
      sender_type: 'client' as const,
      client_message_id: 'c-anyone-1',
    }

    await expect(offline.messages.post(sessionId, input)).rejects.toBeInstanceOf(
      SmartStepsNetworkError,
    )
    expect(recorder.to('POST', `/api/v1/sessions/${sessionId}/messages`)).toHaveLength(1)

    // The same key again, now with an answer: the message the lost call stored comes back.
    const retried = await client.messages.post(sessionId, input)

    expect(retried.duplicate).toBe(true)
    expect((await client.sessions.get(sessionId)).message_count).toBe(2)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SmartSteps } from '../smart-steps.js'
import { recordingFetch } from '../test-support/recording-fetch.js'
import { newFacilitator, sdkFor, startServer, type TestServer } from '../test-support/server.js'

describe('signed requests, with a key that requires them', () => {
  let server: TestServer
  let owner: SmartSteps
  let key: { secret: string; signingSecret: string }

  beforeAll(async () => {
    server = await startServer()
    owner = sdkFor(server, { credentials: await newFacilitator(server, 'signing.owner') })

    const created = await owner.apiKeys.create({
      name: 'Signed sync',
      scopes: ['clients:read', 'clients:write', 'sessions:read', 'sessions:write'],
      signing: true,
      require_signing: true,
    })

    key = { secret: created.secret, signingSecret: created.signing_secret! }
  })

  afterAll(() => server.close())

  it('signs bodies and bodiless requests, several in the same second, and the server accepts them', async () => {
    const recorder = recordingFetch()
    const signed = sdkFor(server, {
      apiKey: key.secret,
      signingSecret: key.signingSecret,
      fetch: recorder.fetch,
    })

    const created = await signed.clients.create({ first_name: 'Zoë', last_name: 'Ångström' })
    const lists = await Promise.all(Array.from({ length: 5 }, () => signed.clients.list()))

    expect(created.first_name).toBe('Zoë')
    expect(lists.every((list) => list.clients.length === 1)).toBe(true)

    for (const call of recorder.calls) {
      expect(call.status).toBeLessThan(300)
      expect(call.headers['x-signature-timestamp']).toMatch(/^\d{10}\.\d{6}$/)
      expect(call.headers['x-signature']).toMatch(/^sha256=[0-9a-f]{64}$/)
    }
  })

  it('is refused unsigned, or signed with another secret', async () => {
    await expect(sdkFor(server, { apiKey: key.secret }).clients.list()).rejects.toMatchObject({
      status: 401,
      code: 'authentication_error',
      message: expect.stringMatching(/must be signed/),
    })
    await expect(
      sdkFor(server, { apiKey: key.secret, signingSecret: 'sig_not_the_secret' }).clients.list(),
    ).rejects.toMatchObject({ status: 401, message: expect.stringMatching(/does not match/) })
  })

  it('is refused when the body is changed after signing, and nothing is stored', async () => {
    const tampering = recordingFetch({
      before: (call) => ({ ...call, body: call.body?.replace('Mallory', 'Mal') }),
    })
    const tampered = sdkFor(server, {
      apiKey: key.secret,
      signingSecret: key.signingSecret,
      fetch: tampering.fetch,
    })

    await expect(
      tampered.clients.create({ first_name: 'Mallory', last_name: 'Smith' }),
    ).rejects.toMatchObject({ status: 401, message: expect.stringMatching(/does not match/) })

    const { clients } = await owner.clients.list({ search: 'Smith' })
    expect(clients).toEqual([])
  })

  it('signs every attempt afresh, so a retry after a lost answer is not refused as a replay', async () => {
    const person = await owner.clients.create({ first_name: 'Lee', last_name: 'Retry' })
    const session = await owner.sessions.create({
      client_id: person.client_id,
      persona_id: 'dr_morgan_hayes',
    })
    await owner.sessions.start(session.session_id)

    let lost = false
    const recorder = recordingFetch({
      after: (call, response) => {
        if (call.path.endsWith('/messages') && !lost) {
          lost = true
          throw new TypeError('fetch failed')
        }

        return response
      },
    })
    const signed = sdkFor(server, {
      apiKey: key.secret,
      signingSecret: key.signingSecret,
      fetch: recorder.fetch,
    })

    const posted = await signed.messages.post(session.session_id, {
      content: 'Hello again.',
      sender_type: 'client',
    })
    const [first, second] = recorder.calls

    expect(posted.duplicate).toBe(true)
    expect(first!.body).toBe(second!.body)
    expect(first!.headers['x-signature']).not.toBe(second!.headers['x-signature'])
  })
})

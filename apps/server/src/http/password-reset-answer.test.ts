import { ServerResponse } from 'node:http'

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { configSection } from '../testing/config-section.js'
import { takeOutbox } from '../testing/outbox.js'
import { startTestServer, type TestServer } from '../testing/test-server.js'

const RESET_PATH = '/api/v1/auth/password/reset'

describe('the answer to a password reset request', () => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer({
      security: configSection('security', { rate_limiting: { enabled: false } }),
    })
    await server.facilitator('known.person')
  })

  afterAll(() => server.close())

  afterEach(() => {
    vi.restoreAllMocks()
  })

  /** Records, in order, when the reset's answer is written and when an account is looked up. */
  function recordSteps(): string[] {
    const steps: string[] = []
    const { users } = server.services.storage
    const byUsername = users.getByUsername.bind(users)
    const end = ServerResponse.prototype.end

    vi.spyOn(users, 'getByUsername').mockImplementation(async (username) => {
      steps.push(`look up ${username}`)
      return byUsername(username)
    })
    vi.spyOn(ServerResponse.prototype, 'end').mockImplementation(function (
      this: ServerResponse,
      ...args: unknown[]
    ) {
      if (this.req?.url === RESET_PATH) {
        steps.push('answer written')
      }

      return (end as (...endArgs: unknown[]) => ServerResponse).apply(this, args)
    })

    return steps
  }

  // A timing test would be flaky; the order of the steps is what makes the timing equal.
  it('is written before the account is looked up, for known and unknown accounts alike', async () => {
    const steps = recordSteps()

    for (const username of ['known.person', 'nobody.here']) {
      const answer = await server.call('POST', RESET_PATH, { body: { username } })

      expect(answer.status).toBe(202)
      await server.services.passwordResets.settled()
    }

    expect(steps).toEqual([
      'answer written',
      'look up known.person',
      'answer written',
      'look up nobody.here',
    ])
    expect((await takeOutbox(server)).map((message) => message.username)).toEqual(['known.person'])
  })

  it('delivers every link of a burst, one after another', async () => {
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        server.call('POST', RESET_PATH, { body: { username: 'known.person' } }),
      ),
    )

    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202, 202, 202])
    expect(await takeOutbox(server)).toHaveLength(5)
  })
})

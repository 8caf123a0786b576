import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { configSection } from '../testing/config-section.js'
import { takeOutbox } from '../testing/outbox.js'
import { startTestServer, type TestServer } from '../testing/test-server.js'

describe('the password policy', () => {
  let server: TestServer
  let admin: string
  let created = 0

  beforeAll(async () => {
    server = await startTestServer({
      security: configSection('security', { rate_limiting: { enabled: false } }),
    })
    admin = await server.login()
  })

  afterAll(() => server.close())

  function createUser(password: string) {
    created += 1

    return server.call('POST', '/api/v1/users', {
      token: admin,
      body: { username: `policy.${created}`, email: `policy.${created}@example.test`, password },
    })
  }

  it.each([
    ['twelve spaces', ' '.repeat(12), 'must not be only whitespace'],
    ['tabs and no-break spaces', '\t\u00a0\u3000'.repeat(4), 'must not be only whitespace'],
    ['one letter repeated', 'a'.repeat(12), 'must contain at least 5 different characters'],
    ['one letter in both cases', 'aA'.repeat(6), 'must contain at least 5 different characters'],
    ['a short pattern repeated', 'abcd'.repeat(3), 'must contain at least 5 different characters'],
    ['a counting run', '123456789012', 'must not be a commonly used password'],
    ['a keyboard walk', '1q2w3e4r5t6y', 'must not be a commonly used password'],
    ['a common word padded with digits', 'Password1234', 'must not be a commonly used password'],
    [
      'a common word padded with symbols',
      '!!Welcome2026!!',
      'must not be a commonly used password',
    ],
    [
      'the famous passphrase',
      'Correct-Horse-Battery-Staple',
      'must not be a commonly used password',
    ],
  ])('refuses %s with 422 naming the rule', async (_case, password, reason) => {
    const refused = await createUser(password)

    expect(refused.status).toBe(422)
    expect(refused.body.error).toMatchObject({
      code: 'validation_error',
      details: { issues: [{ field: 'password', reason }] },
    })
  })

  it('accepts long passwords that are none of these', async () => {
    for (const password of ['plum-orbit-kettle-42', 'my password is long', 'aaaaaaaaaaabcde']) {
      expect((await createUser(password)).status).toBe(201)
    }
  })

  it('applies to password changes and resets too', async () => {
    await createUser('first-password-ok')
    const username = `policy.${created}`
    const login = await server.call('POST', '/api/v1/auth/login', {
      body: { username, password: 'first-password-ok' },
    })

    const change = await server.call('POST', '/api/v1/auth/password', {
      token: login.body.token,
      body: { current_password: 'first-password-ok', new_password: 'zzzzzzzzzzzz' },
    })

    await server.call('POST', '/api/v1/auth/password/reset', { body: { username } })
    const [message] = await takeOutbox(server)
    const reset = await server.call('POST', '/api/v1/auth/password/reset/confirm', {
      body: { token: message!.token, new_password: 'qwerty123456' },
    })

    expect(change.status).toBe(422)
    expect(change.body.error.details.issues).toEqual([
      { field: 'new_password', reason: 'must contain at least 5 different characters' },
    ])
    expect(reset.status).toBe(422)
    expect(reset.body.error.details.issues).toEqual([
      { field: 'new_password', reason: 'must not be a commonly used password' },
    ])
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createKey } from '../testing/api-keys.js'
import { configSection } from '../testing/config-section.js'
import { startTestServer, type TestServer } from '../testing/test-server.js'

describe('changing your own password, and logging out', () => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer({
      security: configSection('security', { rate_limiting: { enabled: false } }),
    })
  })

  afterAll(() => server.close())

  /** A new facilitator and one login of theirs. */
  async function member(username: string) {
    await server.facilitator(username)
    return signIn(username, `${username}-password-123`)
  }

  async function signIn(username: string, password: string) {
    const response = await server.call('POST', '/api/v1/auth/login', {
      body: { username, password },
    })

    return response.body as { token: string; refresh_token: string }
  }

  function change(token: string, current_password: string, new_password: string) {
    return server.call('POST', '/api/v1/auth/password', {
      token,
      body: { current_password, new_password },
    })
  }

  async function works(token: string) {
    return (await server.call('GET', '/api/v1/clients', { token })).status === 200
  }

  async function refreshes(refresh_token: string) {
    const response = await server.call('POST', '/api/v1/auth/refresh', { body: { refresh_token } })
    return response.status === 200
  }

  it('changes the password, ends every other login and hands this client a new one', async () => {
    const here = await member('changer')
    const elsewhere = await signIn('changer', 'changer-password-123')

    const changed = await change(here.token, 'changer-password-123', 'a-brand-new-password')

    expect(changed.status).toBe(200)
    expect(changed.body).toMatchObject({ token_type: 'Bearer', user: { username: 'changer' } })
    expect(await works(changed.body.token)).toBe(true)
    expect(await refreshes(changed.body.refresh_token)).toBe(true)
    expect(await works(elsewhere.token)).toBe(false)
    expect(await works(here.token)).toBe(false)
    expect(await refreshes(elsewhere.refresh_token)).toBe(false)
    expect((await signIn('changer', 'changer-password-123')).token).toBeUndefined()
    expect((await signIn('changer', 'a-brand-new-password')).token).toEqual(expect.any(String))
  })

  it('refuses a wrong current password and a new password the policy refuses', async () => {
    const { token } = await member('careful.person')

    const wrong = await change(token, 'not-my-password', 'a-brand-new-password')
    const short = await change(token, 'careful.person-password-123', 'short')
    const sameAsName = await change(token, 'careful.person-password-123', 'CAREFUL.PERSON')

    expect(wrong.status).toBe(403)
    expect(short.status).toBe(422)
    expect(sameAsName.status).toBe(422)
    expect(sameAsName.body.error.details.issues).toEqual([
      { field: 'new_password', reason: 'must not be the username' },
    ])
    expect(await works(token)).toBe(true)
  })

  it('refuses API keys and requests without a session', async () => {
    const { token } = await member('key.holder')
    const key = await createKey(server, token, { name: 'sync', scopes: ['clients:read'] })

    const withKey = await change(key.secret, 'key.holder-password-123', 'a-brand-new-password')
    const anonymous = await server.call('POST', '/api/v1/auth/password', {
      body: { current_password: 'key.holder-password-123', new_password: 'a-brand-new-password' },
    })

    expect(withKey.status).toBe(403)
    expect(anonymous.status).toBe(401)
  })

  it('counts wrong current passwords towards the sign-in lockout', async () => {
    const { token } = await member('guessed.at')

    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await change(token, `guess-${attempt}`, 'a-brand-new-password')).status).toBe(403)
    }

    const locked = await change(token, 'guessed.at-password-123', 'a-brand-new-password')

    expect(locked.status).toBe(429)
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('logs out one login at once, access token included, and leaves the others', async () => {
    const first = await member('logger.out')
    const second = await signIn('logger.out', 'logger.out-password-123')

    const loggedOut = await server.call('POST', '/api/v1/auth/logout', {
      body: { refresh_token: first.refresh_token },
    })

    expect(loggedOut.status).toBe(204)
    expect(await works(first.token)).toBe(false)
    expect(await refreshes(first.refresh_token)).toBe(false)
    expect(await works(second.token)).toBe(true)
    expect(await refreshes(second.refresh_token)).toBe(true)
  })

  it('logs out the rotated descendants of a login, and answers 204 for unknown tokens', async () => {
    const login = await member('rotator')
    const rotated = await server.call('POST', '/api/v1/auth/refresh', {
      body: { refresh_token: login.refresh_token },
    })

    const loggedOut = await server.call('POST', '/api/v1/auth/logout', {
      body: { refresh_token: login.refresh_token },
    })
    const unknown = await server.call('POST', '/api/v1/auth/logout', {
      body: { refresh_token: 'rt_not-a-real-token' },
    })

    expect(loggedOut.status).toBe(204)
    expect(unknown.status).toBe(204)
    expect(await works(rotated.body.token)).toBe(false)
    expect(await refreshes(rotated.body.refresh_token)).toBe(false)
  })
})

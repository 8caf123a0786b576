import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { configSection } from '../testing/config-section.js'
import { takeOutbox } from '../testing/outbox.js'
import { startTestServer, type TestServer } from '../testing/test-server.js'

describe('reset links and deactivation', () => {
  let server: TestServer
  let admin: string
  let userId: string

  beforeAll(async () => {
    server = await startTestServer({
      security: configSection('security', { rate_limiting: { enabled: false } }),
    })
    admin = await server.login()

    const created = await server.call('POST', '/api/v1/users', {
      token: admin,
      body: {
        username: 'on.leave',
        email: 'on.leave@example.test',
        password: 'on-leave-password-1',
      },
    })

    userId = created.body.user_id
  })

  afterAll(() => server.close())

  const setActive = (active: boolean) =>
    server.call('PATCH', `/api/v1/users/${userId}`, { token: admin, body: { active } })

  it('cancels a link issued before deactivation, so reactivating does not revive it', async () => {
    await server.call('POST', '/api/v1/auth/password/reset', { body: { username: 'on.leave' } })
    const [message] = await takeOutbox(server)

    expect((await setActive(false)).status).toBe(200)
    expect((await setActive(true)).status).toBe(200)

    const confirmed = await server.call('POST', '/api/v1/auth/password/reset/confirm', {
      body: { token: message!.token, new_password: 'taken-over-password-1' },
    })
    const signIn = await server.call('POST', '/api/v1/auth/login', {
      body: { username: 'on.leave', password: 'on-leave-password-1' },
    })

    expect(confirmed.status).toBe(401)
    expect(confirmed.body.error.code).toBe('authentication_error')
    expect(signIn.status).toBe(200)
  })

  it('still issues working links after reactivation', async () => {
    await server.call('POST', '/api/v1/auth/password/reset', { body: { username: 'on.leave' } })
    const [message] = await takeOutbox(server)

    const confirmed = await server.call('POST', '/api/v1/auth/password/reset/confirm', {
      body: { token: message!.token, new_password: 'back-from-leave-1' },
    })

    expect(confirmed.status).toBe(204)
  })
})

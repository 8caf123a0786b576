import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createKey } from '../testing/api-keys.js'
import { configSection } from '../testing/config-section.js'
import { startTestServer, type TestServer } from '../testing/test-server.js'

describe('users', () => {
  let server: TestServer
  let admin: string

  beforeAll(async () => {
    server = await startTestServer({
      security: configSection('security', { rate_limiting: { enabled: false } }),
    })
    admin = await server.login()
  })

  afterAll(() => server.close())

  async function createUser(username: string, role = 'facilitator') {
    const created = await server.call('POST', '/api/v1/users', {
      token: admin,
      body: {
        username,
        email: `${username}@example.test`,
        password: `${username}-password-123`,
        role,
      },
    })

    expect(created.status).toBe(201)

    return created.body as { user_id: string; username: string }
  }

  async function signIn(username: string) {
    const response = await server.call('POST', '/api/v1/auth/login', {
      body: { username, password: `${username}-password-123` },
    })

    expect(response.status).toBe(200)

    return response.body as { token: string; refresh_token: string }
  }

  describe('happy paths', () => {
    it('creates, reads and pages through users, newest first', async () => {
      const created = await createUser('page.one')
      await createUser('page.two')

      const one = await server.call('GET', `/api/v1/users/${created.user_id}`, { token: admin })
      const page = await server.call('GET', '/api/v1/users?limit=2&page=1', { token: admin })

      expect(one.body).toEqual({
        user_id: created.user_id,
        username: 'page.one',
        email: 'page.one@example.test',
        role: 'facilitator',
        active: true,
        auth_source: 'password',
        created_at: expect.any(String),
      })
      expect(page.status).toBe(200)
      expect(page.body.users.map((user: { username: string }) => user.username)).toEqual([
        'page.two',
        'page.one',
      ])
      expect(page.body.pagination).toMatchObject({ page: 1, page_size: 2 })
      expect(page.body.pagination.total).toBeGreaterThanOrEqual(3)
      expect(JSON.stringify(page.body)).not.toContain('password_hash')
    })

    it('changes email and role, and the new role applies to tokens already issued', async () => {
      const user = await createUser('role.change')
      const { token } = await signIn('role.change')

      expect((await server.call('GET', '/api/v1/users', { token })).status).toBe(403)

      const updated = await server.call('PATCH', `/api/v1/users/${user.user_id}`, {
        token: admin,
        body: { email: 'New.Address@Example.test', role: 'admin' },
      })

      expect(updated.status).toBe(200)
      expect(updated.body).toMatchObject({ email: 'new.address@example.test', role: 'admin' })
      expect((await server.call('GET', '/api/v1/users', { token })).status).toBe(200)
    })
  })

  describe('deactivation', () => {
    it('ends access tokens, refresh tokens and API keys at once, and keeps the user', async () => {
      const user = await createUser('leaving.soon')
      const { token, refresh_token } = await signIn('leaving.soon')
      const key = await createKey(server, token, { name: 'export', scopes: ['clients:read'] })

      expect((await server.call('GET', '/api/v1/clients', { token: key.secret })).status).toBe(200)

      const deleted = await server.call('DELETE', `/api/v1/users/${user.user_id}`, {
        token: admin,
      })

      expect(deleted.status).toBe(200)
      expect(deleted.body).toMatchObject({ user_id: user.user_id, active: false })
      expect((await server.call('GET', '/api/v1/clients', { token })).status).toBe(401)
      expect((await server.call('GET', '/api/v1/clients', { token: key.secret })).status).toBe(401)
      expect(
        (await server.call('POST', '/api/v1/auth/refresh', { body: { refresh_token } })).status,
      ).toBe(401)
      expect(
        (
          await server.call('POST', '/api/v1/auth/login', {
            body: { username: 'leaving.soon', password: 'leaving.soon-password-123' },
          })
        ).status,
      ).toBe(401)
      expect(
        (await server.call('GET', `/api/v1/users/${user.user_id}`, { token: admin })).body.active,
      ).toBe(false)
    })

    it('lets an admin reactivate a user, who then signs in again', async () => {
      const user = await createUser('coming.back')
      await server.call('PATCH', `/api/v1/users/${user.user_id}`, {
        token: admin,
        body: { active: false },
      })

      const reactivated = await server.call('PATCH', `/api/v1/users/${user.user_id}`, {
        token: admin,
        body: { active: true },
      })

      expect(reactivated.body.active).toBe(true)
      expect((await signIn('coming.back')).token).toEqual(expect.any(String))
    })
  })

  describe('the last active admin', () => {
    it('cannot be demoted or deactivated, by PATCH or DELETE', async () => {
      const everyone = await server.call('GET', '/api/v1/users?limit=100', { token: admin })
      const adminId = everyone.body.users.find(
        (user: { username: string }) => user.username === 'admin',
      ).user_id

      for (const other of everyone.body.users) {
        if (other.role === 'admin' && other.user_id !== adminId) {
          await server.call('PATCH', `/api/v1/users/${other.user_id}`, {
            token: admin,
            body: { role: 'facilitator' },
          })
        }
      }

      const attempts = [
        ['PATCH', { role: 'supervisor' }],
        ['PATCH', { active: false }],
        ['DELETE', undefined],
      ] as const

      for (const [method, body] of attempts) {
        const refused = await server.call(method, `/api/v1/users/${adminId}`, {
          token: admin,
          body,
        })

        expect(refused.status).toBe(409)
        expect(refused.body.error).toMatchObject({
          code: 'conflict',
          details: { reason: 'last_admin' },
        })
      }

      expect((await server.call('GET', '/api/v1/users', { token: admin })).status).toBe(200)
    })

    it('can step down once another active admin exists', async () => {
      const deputy = await createUser('deputy.admin', 'admin')
      const { token } = await signIn('deputy.admin')

      const stepDown = await server.call('PATCH', `/api/v1/users/${deputy.user_id}`, {
        token,
        body: { role: 'facilitator' },
      })

      expect(stepDown.status).toBe(200)
      expect((await server.call('GET', '/api/v1/users', { token })).status).toBe(403)
    })
  })

  describe('errors and security', () => {
    it('refuses non-admins every user route', async () => {
      const facilitator = await server.facilitator('not.an.admin')
      const someone = await createUser('someone.else')
      const requests: Array<[string, string, unknown?]> = [
        ['GET', '/api/v1/users'],
        ['GET', `/api/v1/users/${someone.user_id}`],
        ['PATCH', `/api/v1/users/${someone.user_id}`, { role: 'admin' }],
        ['DELETE', `/api/v1/users/${someone.user_id}`],
        [
          'POST',
          '/api/v1/users',
          { username: 'sneaky', email: 's@example.test', password: 'a-long-password-1' },
        ],
      ]

      for (const [method, path, body] of requests) {
        const response = await server.call(method, path, { token: facilitator, body })
        expect({ method, path, status: response.status }).toEqual({ method, path, status: 403 })
      }
    })

    it('refuses fields a caller may not set (mass assignment) with 422', async () => {
      const user = await createUser('mass.assign')
      const { token } = await signIn('mass.assign')
      const attempts: Array<[string, string, string | undefined, unknown]> = [
        [
          'PATCH',
          `/api/v1/users/${user.user_id}`,
          admin,
          { user_id: 'usr_0000000000aaaaaaaaaaaaaaaa' },
        ],
        ['PATCH', `/api/v1/users/${user.user_id}`, admin, { username: 'renamed' }],
        ['PATCH', `/api/v1/users/${user.user_id}`, admin, { password: 'a-new-password-123' }],
        ['PATCH', `/api/v1/users/${user.user_id}`, admin, { password_hash: 'scrypt$...' }],
        ['PATCH', `/api/v1/users/${user.user_id}`, admin, { auth_source: 'oauth' }],
        ['PATCH', `/api/v1/users/${user.user_id}`, admin, {}],
        [
          'POST',
          '/api/v1/users',
          admin,
          {
            username: 'with.extras',
            email: 'extras@example.test',
            password: 'a-long-password-1',
            active: false,
            user_id: 'usr_0000000000aaaaaaaaaaaaaaaa',
          },
        ],
        [
          'POST',
          '/api/v1/auth/password',
          token,
          {
            current_password: 'mass.assign-password-123',
            new_password: 'another-password-123',
            role: 'admin',
          },
        ],
        [
          'POST',
          '/api/v1/clients',
          token,
          { first_name: 'A', last_name: 'B', created_by: user.user_id },
        ],
        [
          'POST',
          '/api/v1/auth/password/reset',
          undefined,
          { username: 'mass.assign', role: 'admin' },
        ],
      ]

      for (const [method, path, bearer, body] of attempts) {
        const response = await server.call(method, path, { token: bearer, body })
        expect({ path, body, status: response.status }).toEqual({ path, body, status: 422 })
      }

      const after = await server.call('GET', `/api/v1/users/${user.user_id}`, { token: admin })
      expect(after.body).toMatchObject({
        username: 'mass.assign',
        role: 'facilitator',
        active: true,
      })
    })

    it('answers 404 for an unknown user and 409 for a taken email', async () => {
      const first = await createUser('email.owner')
      const second = await createUser('email.wanter')
      const unknown = 'usr_0000000000aaaaaaaaaaaaaaaa'

      expect((await server.call('GET', `/api/v1/users/${unknown}`, { token: admin })).status).toBe(
        404,
      )
      expect(
        (
          await server.call('PATCH', `/api/v1/users/${unknown}`, {
            token: admin,
            body: { role: 'admin' },
          })
        ).status,
      ).toBe(404)

      const taken = await server.call('PATCH', `/api/v1/users/${second.user_id}`, {
        token: admin,
        body: { email: 'EMAIL.OWNER@example.test' },
      })

      expect(taken.status).toBe(409)
      expect(taken.body.error.details).toEqual({ field: 'email' })
      expect(first.user_id).not.toBe(second.user_id)
    })

    it('refuses a password equal to the username, in any case', async () => {
      const refused = await server.call('POST', '/api/v1/users', {
        token: admin,
        body: {
          username: 'long.username.x',
          email: 'long@example.test',
          password: 'Long.Username.X',
        },
      })

      expect(refused.status).toBe(422)
      expect(refused.body.error.details.issues).toEqual([
        { field: 'password', reason: 'must not be the username' },
      ])
    })
  })
})

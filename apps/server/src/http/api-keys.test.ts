import { createHash } from 'node:crypto'

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { callWithKey, createKey, securityConfig, type CreatedKey } from '../testing/api-keys.js'
import { startTestServer, type TestServer } from '../testing/test-server.js'

const DAY_MS = 86_400_000
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

describe('API key lifecycle', () => {
  let server: TestServer
  let token: string
  let userId: string

  beforeAll(async () => {
    server = await startTestServer()
    token = await server.facilitator('key.owner')
    userId = (
      await server.call('POST', '/api/v1/auth/login', {
        body: { username: 'key.owner', password: 'key.owner-password-123' },
      })
    ).body.user.user_id
  })

  afterAll(() => server.close())

  afterEach(() => {
    vi.useRealTimers()
  })

  const readClients = (secret: string) => callWithKey(server, 'GET', '/api/v1/clients', { secret })

  it('shows the secret once, at creation, and acts as the owner with it', async () => {
    const created = await server.call('POST', '/api/v1/keys', {
      token,
      body: { name: 'Nightly export', scopes: ['clients:read'] },
    })
    const { secret, key_id } = created.body

    expect(created.status).toBe(201)
    expect(created.headers.get('cache-control')).toBe('no-store')
    expect(secret).toMatch(/^sk_ss_[A-Za-z0-9]{32}$/)
    expect(key_id).toMatch(/^key_[0-9a-z]{26}$/)
    expect(created.body).toMatchObject({
      name: 'Nightly export',
      owner_id: userId,
      scopes: ['clients:read'],
      allowed_ips: [],
      secret_prefix: secret.slice(0, 10),
      signing: false,
      require_signing: false,
      status: 'active',
      last_used_at: null,
      revoked_at: null,
      previous_secret_expires_at: null,
    })
    expect(created.body).not.toHaveProperty('signing_secret')
    expect(Date.parse(created.body.expires_at) - Date.now()).toBeGreaterThan(90 * DAY_MS - 60_000)
    expect(Date.parse(created.body.expires_at) - Date.now()).toBeLessThanOrEqual(90 * DAY_MS)
    expect((await readClients(secret)).status).toBe(200)
  })

  it('never shows a secret, signing secret or hash again, and records the last use', async () => {
    const key = await createKey(server, token, {
      name: 'Listed',
      scopes: ['clients:read'],
      signing: true,
    })
    const before = await server.call('GET', '/api/v1/keys', { token })

    await callWithKey(server, 'GET', '/api/v1/clients', {
      secret: key.secret,
      signingSecret: key.signing_secret,
    })

    const after = await server.call('GET', '/api/v1/keys', { token })
    const listed = after.body.keys.find((entry: CreatedKey) => entry.key_id === key.key_id)
    const text = JSON.stringify(after.body)

    expect(before.body.keys.find((entry: CreatedKey) => entry.key_id === key.key_id)).toMatchObject(
      { last_used_at: null },
    )
    expect(listed).toMatchObject({ name: 'Listed', signing: true, status: 'active' })
    expect(listed).not.toHaveProperty('secret')
    expect(listed).not.toHaveProperty('signing_secret')
    expect(Date.now() - Date.parse(listed.last_used_at)).toBeLessThan(10_000)
    expect(text).not.toContain(key.secret)
    expect(text).not.toContain(key.signing_secret)
    expect(text).not.toContain(sha256(key.secret))
    expect(after.body.pagination).toMatchObject({ page: 1, page_size: 20 })
  })

  it('revokes at once, idempotently, and lists the key as revoked', async () => {
    const key = await createKey(server, token, { name: 'Doomed', scopes: ['clients:read'] })
    expect((await readClients(key.secret)).status).toBe(200)

    const revoked = await server.call('DELETE', `/api/v1/keys/${key.key_id}`, { token })
    const refused = await readClients(key.secret)

    expect(revoked.status).toBe(204)
    expect(refused.status).toBe(401)
    expect(refused.body.error).toMatchObject({
      code: 'authentication_error',
      message: 'This API key has been revoked',
    })
    expect((await server.call('DELETE', `/api/v1/keys/${key.key_id}`, { token })).status).toBe(204)

    const listed = (await server.call('GET', '/api/v1/keys', { token })).body.keys.find(
      (entry: CreatedKey) => entry.key_id === key.key_id,
    )
    expect(listed).toMatchObject({ status: 'revoked' })
    expect(Date.now() - Date.parse(listed.revoked_at)).toBeLessThan(10_000)
  })

  it('lets a secret in its grace period read, but not manage keys', async () => {
    const key = await createKey(server, token, {
      name: 'Manager',
      scopes: ['clients:read', 'keys:read', 'keys:write'],
    })
    await server.call('POST', `/api/v1/keys/${key.key_id}/rotate`, { token })

    const old = { secret: key.secret }
    const body = JSON.stringify({ name: 'Persisted', scopes: ['clients:read'] })

    expect((await callWithKey(server, 'GET', '/api/v1/keys', old)).status).toBe(200)
    expect((await callWithKey(server, 'POST', '/api/v1/keys', old, { body })).status).toBe(403)
    expect(
      (await callWithKey(server, 'POST', `/api/v1/keys/${key.key_id}/rotate`, old)).status,
    ).toBe(403)
  })

  it('refuses to rotate a revoked key', async () => {
    const key = await createKey(server, token, { name: 'Gone', scopes: ['clients:read'] })
    await server.call('DELETE', `/api/v1/keys/${key.key_id}`, { token })

    const rotated = await server.call('POST', `/api/v1/keys/${key.key_id}/rotate`, { token })

    expect(rotated.status).toBe(409)
    expect(rotated.body.error.code).toBe('conflict')
  })

  it('honours expires_in_days', async () => {
    const key = await createKey(server, token, {
      name: 'Short',
      scopes: ['clients:read'],
      expires_in_days: 1,
    })

    expect(Date.parse(key.expires_at as string) - Date.now()).toBeGreaterThan(DAY_MS - 60_000)
    expect(Date.parse(key.expires_at as string) - Date.now()).toBeLessThanOrEqual(DAY_MS)
  })

  it('stops working when it expires, after the configured 90 days', async () => {
    const key = await createKey(server, token, { name: 'Aging', scopes: ['clients:read'] })

    // Only Date is faked: the server in this process sees the clock 90 days on.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.parse(key.expires_at as string) - 1000)
    expect((await readClients(key.secret)).status).toBe(200)

    vi.setSystemTime(Date.parse(key.expires_at as string))
    const refused = await readClients(key.secret)

    expect(refused.status).toBe(401)
    expect(refused.body.error.message).toBe(`This API key expired at ${key.expires_at}`)

    vi.useRealTimers()
    const listed = (await server.call('GET', '/api/v1/keys', { token })).body.keys
    expect(listed.find((entry: CreatedKey) => entry.key_id === key.key_id).status).toBe('active')
  })

  it('answers unknown, malformed and foreign-prefix keys with 401', async () => {
    for (const secret of ['sk_ss_' + 'A'.repeat(32), 'sk_ss_short', 'sk_live_' + 'A'.repeat(32)]) {
      const refused = await readClients(secret)

      expect(refused.status).toBe(401)
      expect(refused.body.error.code).toBe('authentication_error')
    }
  })
})

describe('API key rotation and configuration', () => {
  let server: TestServer
  let token: string

  beforeAll(async () => {
    server = await startTestServer({
      security: securityConfig({
        api_keys: {
          prefix: 'sk_test_',
          length: 48,
          expiration: { enabled: false },
          rotation_grace_seconds: 1,
        },
      }),
    })
    token = await server.facilitator('rotator')
  })

  afterAll(() => server.close())

  const readClients = (secret: string) => callWithKey(server, 'GET', '/api/v1/clients', { secret })

  it('uses the configured prefix and length, and no expiry when expiration is disabled', async () => {
    const key = await createKey(server, token, { name: 'Custom', scopes: ['clients:read'] })

    expect(key.secret).toMatch(/^sk_test_[A-Za-z0-9]{48}$/)
    expect(key.expires_at).toBeNull()
    expect((await readClients(key.secret)).status).toBe(200)
  })

  it('keeps the old secret working for the grace period after a rotation, then refuses it', async () => {
    const key = await createKey(server, token, {
      name: 'Rotating',
      scopes: ['clients:read', 'keys:write'],
    })

    const rotated = await server.call('POST', `/api/v1/keys/${key.key_id}/rotate`, { token })
    const fresh = rotated.body.secret as string

    expect(rotated.status).toBe(200)
    expect(rotated.headers.get('cache-control')).toBe('no-store')
    expect(fresh).toMatch(/^sk_test_[A-Za-z0-9]{48}$/)
    expect(fresh).not.toBe(key.secret)
    expect(rotated.body).toMatchObject({ key_id: key.key_id, secret_prefix: fresh.slice(0, 12) })
    expect(Date.parse(rotated.body.previous_secret_expires_at) - Date.now()).toBeLessThanOrEqual(
      1000,
    )
    expect((await readClients(key.secret)).status).toBe(200)
    expect((await readClients(fresh)).status).toBe(200)

    await new Promise((resolve) => setTimeout(resolve, 1100))

    const refused = await readClients(key.secret)
    expect(refused.status).toBe(401)
    expect(refused.body.error.message).toMatch(/replaced by a rotation/)
    expect((await readClients(fresh)).status).toBe(200)
  })

  it('lets the owner rotate through the key itself', async () => {
    const key = await createKey(server, token, {
      name: 'Self-rotating',
      scopes: ['clients:read', 'keys:write'],
    })

    const rotated = await callWithKey(server, 'POST', `/api/v1/keys/${key.key_id}/rotate`, {
      secret: key.secret,
    })

    expect(rotated.status).toBe(200)
    expect((await readClients(rotated.body.secret)).status).toBe(200)
  })
})

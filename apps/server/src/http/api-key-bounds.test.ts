import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { callWithKey, createKey, type CreatedKey, uniqueTimestamp } from '../testing/api-keys.js'
import { startTestServer, type TestServer } from '../testing/test-server.js'

/** The test client calls from 127.0.0.1, so every key that must work lists it. */
const LOOPBACK = '127.0.0.1'

describe('an API key manages only keys no broader than itself', () => {
  let server: TestServer
  let owner: string
  let manager: CreatedKey

  beforeAll(async () => {
    server = await startTestServer()
    owner = await server.facilitator('bounded.owner')
    manager = await createKey(server, owner, {
      name: 'Key manager',
      scopes: ['keys:write', 'clients:read'],
      expires_in_days: 7,
      allowed_ips: [LOOPBACK],
    })
  })

  afterAll(() => server.close())

  const asManager = (method: string, path: string) =>
    callWithKey(server, method, path, { secret: manager.secret })
  const readClients = (secret: string) => callWithKey(server, 'GET', '/api/v1/clients', { secret })

  it('refuses to rotate or revoke a broader sibling, which keeps working', async () => {
    const sibling = await createKey(server, owner, {
      name: 'Nightly export',
      scopes: ['clients:read', 'sessions:read', 'sessions:write'],
      expires_in_days: 3650,
    })

    const rotated = await asManager('POST', `/api/v1/keys/${sibling.key_id}/rotate`)
    const revoked = await asManager('DELETE', `/api/v1/keys/${sibling.key_id}`)

    expect(rotated.status).toBe(403)
    expect(rotated.body).not.toHaveProperty('secret')
    expect(rotated.body.error).toMatchObject({
      code: 'permission_denied',
      message: expect.stringContaining('sessions:read, sessions:write'),
    })
    expect(revoked.status).toBe(403)
    expect((await readClients(sibling.secret)).status).toBe(200)
  })

  it.each([
    ['a scope it lacks', { scopes: ['sessions:read'], expires_in_days: 1 }, 'scopes'],
    ['a later expiry', { scopes: ['clients:read'], expires_in_days: 30 }, 'expires later'],
    ['no allow-list', { scopes: ['clients:read'], expires_in_days: 1 }, 'allow-list'],
    [
      'a wider allow-list',
      { scopes: ['clients:read'], expires_in_days: 1, allowed_ips: ['127.0.0.0/8'] },
      'allow-list',
    ],
  ])('counts %s as broader', async (_case, body, reason) => {
    const target = await createKey(server, owner, { name: 'Target', ...body })

    const rotated = await asManager('POST', `/api/v1/keys/${target.key_id}/rotate`)

    expect(rotated.status).toBe(403)
    expect(rotated.body.error.message).toContain(reason)
  })

  it('counts unsigned requests as broader than a key that requires signing', async () => {
    const signer = await createKey(server, owner, {
      name: 'Signing manager',
      scopes: ['keys:write', 'clients:read'],
      signing: true,
      require_signing: true,
    })
    const unsigned = await createKey(server, owner, {
      name: 'Unsigned',
      scopes: ['clients:read'],
      expires_in_days: 1,
    })

    const rotated = await callWithKey(
      server,
      'POST',
      `/api/v1/keys/${unsigned.key_id}/rotate`,
      { secret: signer.secret, signingSecret: signer.signing_secret },
      { timestamp: uniqueTimestamp() },
    )

    expect(rotated.status).toBe(403)
    expect(rotated.body.error.message).toContain('unsigned')
  })

  it('rotates and revokes keys no broader than itself, and itself', async () => {
    const narrower = await createKey(server, owner, {
      name: 'Narrower',
      scopes: ['clients:read'],
      expires_in_days: 1,
      allowed_ips: [LOOPBACK],
    })

    const rotated = await asManager('POST', `/api/v1/keys/${narrower.key_id}/rotate`)
    const revoked = await asManager('DELETE', `/api/v1/keys/${narrower.key_id}`)
    const own = await asManager('POST', `/api/v1/keys/${manager.key_id}/rotate`)

    expect(rotated.status).toBe(200)
    expect(revoked.status).toBe(204)
    expect(own.status).toBe(200)
    manager = { ...manager, secret: own.body.secret }
  })

  it('still lets a session rotate and revoke any of its own keys', async () => {
    const broad = await createKey(server, owner, {
      name: 'Broad',
      scopes: ['clients:read', 'sessions:read'],
    })

    expect(
      (await server.call('POST', `/api/v1/keys/${broad.key_id}/rotate`, { token: owner })).status,
    ).toBe(200)
    expect(
      (await server.call('DELETE', `/api/v1/keys/${broad.key_id}`, { token: owner })).status,
    ).toBe(204)
  })
})

describe('a key created by a key is no looser than its parent', () => {
  let server: TestServer
  let owner: string

  beforeAll(async () => {
    server = await startTestServer()
    owner = await server.facilitator('parent.owner')
  })

  afterAll(() => server.close())

  function createChild(parent: CreatedKey, body: object) {
    return callWithKey(
      server,
      'POST',
      '/api/v1/keys',
      { secret: parent.secret, signingSecret: parent.signing_secret },
      { body: JSON.stringify({ name: 'Child', scopes: ['clients:read'], ...body }) },
    )
  }

  it("takes the parent's allow-list when it names none", async () => {
    const parent = await createKey(server, owner, {
      name: 'Office only',
      scopes: ['keys:write', 'clients:read'],
      allowed_ips: [LOOPBACK, '10.0.0.0/8'],
    })

    const child = await createChild(parent, {})

    expect(child.status).toBe(201)
    expect(child.body.allowed_ips).toEqual([LOOPBACK, '10.0.0.0/8'])
  })

  it("accepts ranges inside the parent's and refuses any outside with 422", async () => {
    const parent = await createKey(server, owner, {
      name: 'Office only',
      scopes: ['keys:write', 'clients:read'],
      allowed_ips: [LOOPBACK, '10.0.0.0/8'],
    })

    const inside = await createChild(parent, { allowed_ips: ['10.1.0.0/16', LOOPBACK] })
    const outside = await createChild(parent, { allowed_ips: ['10.1.0.0/16', '192.0.2.0/24'] })
    const everywhere = await createChild(parent, { allowed_ips: ['::/0'] })

    expect(inside.status).toBe(201)
    expect(inside.body.allowed_ips).toEqual(['10.1.0.0/16', LOOPBACK])
    expect(outside.status).toBe(422)
    expect(outside.body.error).toMatchObject({
      code: 'validation_error',
      details: {
        issues: [{ field: 'allowed_ips', reason: expect.stringContaining('10.0.0.0/8') }],
      },
    })
    expect(everywhere.status).toBe(422)
  })

  it('makes the child of a key that requires signing require it too', async () => {
    const parent = await createKey(server, owner, {
      name: 'Signer',
      scopes: ['keys:write', 'clients:read'],
      signing: true,
      require_signing: true,
    })

    const child = await createChild(parent, {})
    const unsigned = await callWithKey(server, 'GET', '/api/v1/clients', {
      secret: child.body.secret,
    })
    const signed = await callWithKey(
      server,
      'GET',
      '/api/v1/clients',
      { secret: child.body.secret, signingSecret: child.body.signing_secret },
      { timestamp: uniqueTimestamp() },
    )

    expect(child.status).toBe(201)
    expect(child.body).toMatchObject({ signing: true, require_signing: true })
    expect(child.body.signing_secret).toMatch(/^sig_/)
    expect(unsigned.status).toBe(401)
    expect(signed.status).toBe(200)
  })

  it('leaves children of unrestricted keys as asked', async () => {
    const parent = await createKey(server, owner, {
      name: 'Unrestricted',
      scopes: ['keys:write', 'clients:read'],
    })

    const child = await createChild(parent, { allowed_ips: ['192.0.2.0/24'] })

    expect(child.status).toBe(201)
    expect(child.body).toMatchObject({ allowed_ips: ['192.0.2.0/24'], require_signing: false })
  })
})

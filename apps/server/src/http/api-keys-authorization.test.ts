import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { callWithKey, createKey, type CreatedKey } from '../testing/api-keys.js'
import { startTestServer, type TestServer } from '../testing/test-server.js'

describe('what an API key may do', () => {
  let server: TestServer
  let admin: string
  let alice: string
  let bob: string
  let aliceKey: CreatedKey

  beforeAll(async () => {
    server = await startTestServer()
    admin = await server.login()
    alice = await server.facilitator('alice.keys')
    bob = await server.facilitator('bob.keys')
    aliceKey = await createKey(server, alice, { name: 'Alice sync', scopes: ['sessions:read'] })
  })

  afterAll(() => server.close())

  async function supervisorToken() {
    await server.call('POST', '/api/v1/users', {
      token: admin,
      body: {
        username: 'sue.supervisor',
        email: 'sue@example.test',
        password: 'supervisor-password',
        role: 'supervisor',
      },
    })
    return server.login('sue.supervisor', 'supervisor-password')
  }

  it('does only what its scopes allow', async () => {
    const key = { secret: aliceKey.secret }
    const body = JSON.stringify({ first_name: 'Not', last_name: 'Allowed' })
    const session = JSON.stringify({
      client_id: 'cli_01jf3v9k2m8q4r7t1w5x6y9z0a',
      persona_id: 'dr_morgan_hayes',
    })

    const created = await callWithKey(server, 'POST', '/api/v1/sessions', key, { body: session })

    expect((await callWithKey(server, 'GET', '/api/v1/sessions', key)).status).toBe(200)
    expect(created.status).toBe(403)
    expect(created.body.error).toMatchObject({
      code: 'permission_denied',
      message: 'This credential lacks the sessions:write scope',
    })
    expect((await callWithKey(server, 'POST', '/api/v1/clients', key, { body })).status).toBe(403)
    expect((await callWithKey(server, 'GET', '/api/v1/keys', key)).status).toBe(403)
  })

  it('acts as its owner: what it creates belongs to them', async () => {
    const key = await createKey(server, alice, { name: 'Writer', scopes: ['clients:write'] })
    const body = JSON.stringify({ first_name: 'Made', last_name: 'ByKey' })

    const created = await callWithKey(server, 'POST', '/api/v1/clients', key, { body })
    const aliceId = aliceKey.owner_id

    expect(created.status).toBe(201)
    expect(created.body.created_by).toBe(aliceId)
    expect(
      (await server.call('GET', `/api/v1/clients/${created.body.client_id}`, { token: bob }))
        .status,
    ).toBe(404)
  })

  it("refuses scopes beyond the owner's role with 422", async () => {
    const facilitator = await server.call('POST', '/api/v1/keys', {
      token: alice,
      body: { name: 'Too much', scopes: ['sessions:read', 'users:write'] },
    })
    const supervisor = await server.call('POST', '/api/v1/keys', {
      token: await supervisorToken(),
      body: { name: 'Too much', scopes: ['clients:write'] },
    })

    expect(facilitator.status).toBe(422)
    expect(facilitator.body.error).toMatchObject({
      code: 'validation_error',
      details: {
        issues: [
          { field: 'scopes', reason: 'not granted to the creating credential: users:write' },
        ],
      },
    })
    expect(supervisor.status).toBe(422)
  })

  it('never lets a key mint a key wider or longer-lived than itself', async () => {
    const parent = await createKey(server, alice, {
      name: 'Key maker',
      scopes: ['keys:write', 'sessions:read'],
      expires_in_days: 2,
    })
    const asKey = (body: object) =>
      callWithKey(server, 'POST', '/api/v1/keys', parent, { body: JSON.stringify(body) })

    const wider = await asKey({ name: 'Wider', scopes: ['clients:read'] })
    const longer = await asKey({ name: 'Longer', scopes: ['sessions:read'], expires_in_days: 30 })

    expect(wider.status).toBe(422)
    expect(longer.status).toBe(201)
    expect(longer.body.owner_id).toBe(parent.owner_id)
    expect(longer.body.expires_at).toBe(parent.expires_at)
  })

  it("answers 404 for another user's key, and leaves it working", async () => {
    const revoke = await server.call('DELETE', `/api/v1/keys/${aliceKey.key_id}`, { token: bob })
    const rotate = await server.call('POST', `/api/v1/keys/${aliceKey.key_id}/rotate`, {
      token: bob,
    })
    const bobsList = await server.call('GET', '/api/v1/keys', { token: bob })

    expect(revoke.status).toBe(404)
    expect(revoke.body.error.code).toBe('resource_not_found')
    expect(rotate.status).toBe(404)
    expect(bobsList.body.keys).toEqual([])
    expect(
      (await callWithKey(server, 'GET', '/api/v1/sessions', { secret: aliceKey.secret })).status,
    ).toBe(200)
  })

  it("lets only admins list everyone's keys", async () => {
    const asBob = await server.call('GET', '/api/v1/keys?all=true', { token: bob })
    const asAdmin = await server.call('GET', '/api/v1/keys?all=true&limit=100', { token: admin })
    const adminsOwn = await server.call('GET', '/api/v1/keys', { token: admin })

    expect(asBob.status).toBe(403)
    expect(asAdmin.status).toBe(200)
    expect(asAdmin.body.keys.map((key: CreatedKey) => key.key_id)).toContain(aliceKey.key_id)
    expect(adminsOwn.body.keys).toEqual([])
    expect((await server.call('GET', '/api/v1/keys?all=maybe', { token: admin })).status).toBe(422)
  })

  it("lets an admin revoke, but not rotate, another user's key", async () => {
    const key = await createKey(server, alice, { name: 'Incident', scopes: ['sessions:read'] })

    const rotate = await server.call('POST', `/api/v1/keys/${key.key_id}/rotate`, { token: admin })
    const revoke = await server.call('DELETE', `/api/v1/keys/${key.key_id}`, { token: admin })

    expect(rotate.status).toBe(403)
    expect(revoke.status).toBe(204)
    expect(
      (await callWithKey(server, 'GET', '/api/v1/sessions', { secret: key.secret })).status,
    ).toBe(401)
  })

  it.each([
    ['owner_id', { owner_id: 'usr_01jf3v9k2m8q4r7t1w5x6y9z0a' }],
    ['user_id', { user_id: 'usr_01jf3v9k2m8q4r7t1w5x6y9z0a' }],
    ['key_id', { key_id: 'key_01jf3v9k2m8q4r7t1w5x6y9z0a' }],
    ['secret', { secret: 'sk_ss_chosenbythecallerchosenbythecaller' }],
    ['status', { status: 'active' }],
    ['created_at', { created_at: '2020-01-01T00:00:00.000Z' }],
    ['expires_at', { expires_at: '2099-01-01T00:00:00.000Z' }],
    ['revoked_at', { revoked_at: null }],
  ])('refuses a body that sets %s (mass assignment) with 422', async (field, extra) => {
    const refused = await server.call('POST', '/api/v1/keys', {
      token: alice,
      body: { name: 'Sneaky', scopes: ['sessions:read'], ...extra },
    })

    expect(refused.status).toBe(422)
    expect(refused.body.error.details.issues).toEqual([
      { field, reason: expect.stringContaining('Unrecognized key') },
    ])
  })

  it.each([
    ['no scopes', { scopes: [] }],
    ['an unknown scope', { scopes: ['everything'] }],
    ['a repeated scope', { scopes: ['sessions:read', 'sessions:read'] }],
    ['no name', { name: '  ' }],
    ['zero days', { expires_in_days: 0 }],
    ['more than ten years', { expires_in_days: 3651 }],
    ['fractional days', { expires_in_days: 1.5 }],
    ['a bad CIDR', { allowed_ips: ['10.0.0.0/33'] }],
    ['a host name', { allowed_ips: ['example.org'] }],
    ['required signing without a signing secret', { require_signing: true }],
  ])('refuses %s with 422', async (_case, override) => {
    const refused = await server.call('POST', '/api/v1/keys', {
      token: alice,
      body: { name: 'Bad', scopes: ['sessions:read'], ...override },
    })

    expect(refused.status).toBe(422)
    expect(refused.body.error.code).toBe('validation_error')
  })

  it('checks key ids in paths', async () => {
    const refused = await server.call('DELETE', '/api/v1/keys/sk_ss_notanid', { token: alice })
    const unknown = await server.call('DELETE', '/api/v1/keys/key_01jf3v9k2m8q4r7t1w5x6y9z0a', {
      token: alice,
    })

    expect(refused.status).toBe(422)
    expect(unknown.status).toBe(404)
  })
})

import { ROLE_SCOPES } from '@smartsteps/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { newFacilitator, sdkFor, startServer, type TestServer } from '../test-support/server.js'
import type { Credentials } from '../auth/token-keeper.js'

describe('auth.me', () => {
  let server: TestServer
  let facilitator: Credentials

  beforeAll(async () => {
    server = await startServer()
    facilitator = await newFacilitator(server, 'me.user')
  })

  afterAll(() => server.close())

  it('describes a login: the user, the role scopes, and when the access token expires', async () => {
    const client = sdkFor(server, { credentials: facilitator })
    const me = await client.auth.me()

    expect(me).toMatchObject({
      username: 'me.user',
      email: 'me.user@example.test',
      role: 'facilitator',
      credential: { kind: 'session_token' },
    })
    // The token's own expiry, which a JWT holds to the second.
    expect(Date.parse(me.expires_at!)).toBe(
      Math.floor(Date.parse(client.auth.session!.expires_at) / 1000) * 1000,
    )
    expect(me.user_id).toBe(client.auth.session!.user.user_id)
    expect(new Set(me.scopes)).toEqual(new Set(ROLE_SCOPES.facilitator))
  })

  it('describes an API key: its id, its own narrowed scopes, and when it expires', async () => {
    const owner = sdkFor(server, { credentials: facilitator })
    const key = await owner.apiKeys.create({ name: 'Reader', scopes: ['clients:read'] })
    const me = await sdkFor(server, { apiKey: key.secret }).auth.me()

    expect(me).toMatchObject({
      username: 'me.user',
      scopes: ['clients:read'],
      credential: { kind: 'api_key', key_id: key.key_id },
    })
    expect(Date.parse(me.expires_at!)).toBe(Date.parse(key.expires_at!))
  })
})

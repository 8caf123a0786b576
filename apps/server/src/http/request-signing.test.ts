import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  callWithKey,
  createKey,
  securityConfig,
  signatureHeaders,
  uniqueTimestamp,
  unixSeconds,
} from '../testing/api-keys.js'
import { startTestServer, type TestServer } from '../testing/test-server.js'

const CLIENT_BODY = '{ "first_name" : "Zoë",\n  "last_name": "Ångström" }'

describe('signed requests with a key that requires them', () => {
  let server: TestServer
  let token: string
  let key: { secret: string; signingSecret: string; keyId: string }

  beforeAll(async () => {
    server = await startTestServer()
    token = await server.facilitator('signer')

    const created = await createKey(server, token, {
      name: 'Signed',
      scopes: ['clients:read', 'clients:write', 'keys:write'],
      signing: true,
      require_signing: true,
    })

    key = { secret: created.secret, signingSecret: created.signing_secret!, keyId: created.key_id }
  })

  afterAll(() => server.close())

  const post = (headers: Record<string, string>, body = CLIENT_BODY) =>
    callWithKey(server, 'POST', '/api/v1/clients', { secret: key.secret }, { body, headers })

  it('issues a signing secret once, at creation', async () => {
    const listed = await server.call('GET', '/api/v1/keys', { token })

    expect(key.signingSecret).toMatch(/^sig_[A-Za-z0-9]{43}$/)
    expect(JSON.stringify(listed.body)).not.toContain(key.signingSecret)
  })

  it('accepts a body signed over its exact bytes, and the handler reads that same body', async () => {
    const created = await callWithKey(server, 'POST', '/api/v1/clients', key, {
      body: CLIENT_BODY,
    })

    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ first_name: 'Zoë', last_name: 'Ångström' })
  })

  it('accepts a GET, which signs the timestamp alone', async () => {
    expect((await callWithKey(server, 'GET', '/api/v1/clients', key)).status).toBe(200)
  })

  it('accepts fractional timestamps, so a client may sign several bodiless requests a second', async () => {
    for (let request = 0; request < 3; request++) {
      const timestamp = uniqueTimestamp()

      expect((await callWithKey(server, 'GET', '/api/v1/clients', key, { timestamp })).status).toBe(
        200,
      )
    }
  })

  it('refuses an unsigned request, or one missing either header', async () => {
    const both = signatureHeaders(key.signingSecret, CLIENT_BODY)

    const partial: Array<Record<string, string>> = [
      {},
      { 'x-signature': both['x-signature'] },
      { 'x-signature-timestamp': both['x-signature-timestamp'] },
    ]

    for (const headers of partial) {
      const refused = await post(headers)

      expect(refused.status).toBe(401)
      expect(refused.body.error).toMatchObject({
        code: 'authentication_error',
        message: expect.stringMatching(/must be signed/),
      })
    }
  })

  it('refuses a changed body, a signature with another secret, and a moved timestamp', async () => {
    const signed = signatureHeaders(key.signingSecret, CLIENT_BODY)
    const withApiSecret = signatureHeaders(key.secret, CLIENT_BODY)
    const moved = { ...signed, 'x-signature-timestamp': unixSeconds(1) }

    for (const [headers, body] of [
      [signed, CLIENT_BODY.replace('Zoë', 'Zoe')],
      [withApiSecret, CLIENT_BODY],
      [moved, CLIENT_BODY],
    ] as const) {
      const refused = await post(headers, body)

      expect(refused.status).toBe(401)
      expect(refused.body.error.message).toMatch(/does not match/)
    }
  })

  it('refuses timestamps more than 300 seconds away, either side', async () => {
    for (const offset of [-301, 301]) {
      const timestamp = unixSeconds(offset)
      const refused = await post(signatureHeaders(key.signingSecret, CLIENT_BODY, timestamp))

      expect(refused.status).toBe(401)
      expect(refused.body.error.message).toMatch(/300 seconds/)
    }
  })

  it('refuses a replay of the same signed request', async () => {
    const body = CLIENT_BODY.replace('Zoë', 'Replayed')
    const headers = signatureHeaders(key.signingSecret, body)

    expect((await post(headers, body)).status).toBe(201)

    const replay = await post(headers, body)
    expect(replay.status).toBe(401)
    expect(replay.body.error.message).toMatch(/already used/)
  })

  it.each([
    ['not hex', `sha256=${'g'.repeat(64)}`],
    ['short', `sha256=${'a'.repeat(2)}`],
    ['odd length', `sha256=${'a'.repeat(63)}`],
    ['long', `sha256=${'a'.repeat(66)}`],
    ['very long', `sha256=${'ab'.repeat(4000)}`],
    ['no prefix', 'a'.repeat(64)],
    ['empty', ''],
    ['another algorithm', `sha1=${'a'.repeat(40)}`],
  ])('refuses a malformed signature (%s) with 401, never 500', async (_case, signature) => {
    const refused = await post({ 'x-signature-timestamp': unixSeconds(), 'x-signature': signature })

    expect(refused.status).toBe(401)
    expect(refused.body.error.code).toBe('authentication_error')
  })

  it.each(['soon', '', '-5', '1e10', '0x10'])(
    'refuses the timestamp %j with 401',
    async (timestamp) => {
      const refused = await post(signatureHeaders(key.signingSecret, CLIENT_BODY, timestamp))

      expect(refused.status).toBe(401)
    },
  )

  it('answers an oversized signed body with 413', async () => {
    const body = JSON.stringify({ first_name: 'x'.repeat(2 * 1024 * 1024), last_name: 'y' })
    // In-process: over a socket the server answers before the upload ends and resets it.
    const response = await server.app.request('/api/v1/clients', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${key.secret}`,
        'content-type': 'application/json',
        ...signatureHeaders(key.signingSecret, body),
      },
      body,
    })

    expect(response.status).toBe(413)
  })

  it('pairs each secret with its own signing secret during a rotation’s grace period', async () => {
    const rotated = await server.call('POST', `/api/v1/keys/${key.keyId}/rotate`, { token })
    const fresh = { secret: rotated.body.secret, signingSecret: rotated.body.signing_secret }
    const crossed = { secret: key.secret, signingSecret: fresh.signingSecret }

    expect(rotated.status).toBe(200)
    expect(fresh.signingSecret).toMatch(/^sig_/)
    expect(fresh.signingSecret).not.toBe(key.signingSecret)
    const read = (as: { secret: string; signingSecret: string }) =>
      callWithKey(server, 'GET', '/api/v1/clients', as, { timestamp: uniqueTimestamp() })

    expect((await read(fresh)).status).toBe(200)
    expect((await read(key)).status).toBe(200)
    expect((await read(crossed)).status).toBe(401)
  })
})

describe('signatures on keys that do not require them', () => {
  let server: TestServer
  let token: string

  beforeAll(async () => {
    server = await startTestServer()
    token = await server.facilitator('optional.signer')
  })

  afterAll(() => server.close())

  it('accepts unsigned requests, but checks a signature that is sent', async () => {
    const created = await createKey(server, token, {
      name: 'Optional',
      scopes: ['clients:read'],
      signing: true,
    })
    const key = { secret: created.secret, signingSecret: created.signing_secret }
    const forged = {
      'x-signature-timestamp': unixSeconds(),
      'x-signature': `sha256=${'0'.repeat(64)}`,
    }

    expect(
      (await callWithKey(server, 'GET', '/api/v1/clients', { secret: key.secret })).status,
    ).toBe(200)
    expect((await callWithKey(server, 'GET', '/api/v1/clients', key)).status).toBe(200)
    expect(
      (
        await callWithKey(
          server,
          'GET',
          '/api/v1/clients',
          { secret: key.secret },
          { headers: forged },
        )
      ).status,
    ).toBe(401)
  })

  it('refuses signature headers on a key without a signing secret', async () => {
    const created = await createKey(server, token, { name: 'Plain', scopes: ['clients:read'] })
    const refused = await callWithKey(server, 'GET', '/api/v1/clients', {
      secret: created.secret,
      signingSecret: 'sig_guessed',
    })

    expect(refused.status).toBe(401)
    expect(refused.body.error.message).toMatch(/no signing secret/)
  })

  it('ignores signature headers on session tokens', async () => {
    const refused = await server.call('GET', '/api/v1/clients', {
      token,
      headers: { 'x-signature-timestamp': 'junk', 'x-signature': 'junk' },
    })

    expect(refused.status).toBe(200)
  })
})

describe('signing required by configuration', () => {
  let server: TestServer
  let token: string

  beforeAll(async () => {
    server = await startTestServer({
      security: securityConfig({ request_signing: { required: true, tolerance_seconds: 60 } }),
    })
    token = await server.facilitator('strict')
  })

  afterAll(() => server.close())

  it('requires every API-key request to be signed, within the configured tolerance', async () => {
    const created = await createKey(server, token, {
      name: 'Strict',
      scopes: ['clients:read'],
      signing: true,
    })
    const key = { secret: created.secret, signingSecret: created.signing_secret }
    const stale = await callWithKey(server, 'GET', '/api/v1/clients', key, {
      timestamp: unixSeconds(-61),
    })

    expect(created.require_signing).toBe(false)
    expect(
      (await callWithKey(server, 'GET', '/api/v1/clients', { secret: key.secret })).status,
    ).toBe(401)
    expect((await callWithKey(server, 'GET', '/api/v1/clients', key)).status).toBe(200)
    expect(stale.status).toBe(401)
    expect(stale.body.error.message).toMatch(/60 seconds/)
  })

  it('refuses to create keys that could not sign', async () => {
    const refused = await server.call('POST', '/api/v1/keys', {
      token,
      body: { name: 'Unsignable', scopes: ['clients:read'] },
    })

    expect(refused.status).toBe(422)
    expect(refused.body.error.details.issues[0].field).toBe('signing')
  })

  it('leaves session tokens alone', async () => {
    expect((await server.call('GET', '/api/v1/clients', { token })).status).toBe(200)
  })
})

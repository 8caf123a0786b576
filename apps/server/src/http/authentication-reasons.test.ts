import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'

import { AUTH_FAILURE_REASONS } from '@smartsteps/contracts'
import Database from 'better-sqlite3'
import { decodeJwt, SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DATABASE_FILE } from '../storage/sqlite/database.js'
import {
  callWithKey,
  createKey,
  type CreatedKey,
  signatureHeaders,
  unixSeconds,
} from '../testing/api-keys.js'
import {
  ADMIN_PASSWORD,
  type CallResult,
  startTestServer,
  type TestServer,
} from '../testing/test-server.js'

/** The 401 envelope a client branches on: the code, and the reason in details. */
function expectRefusedFor(response: CallResult, reason: keyof typeof AUTH_FAILURE_REASONS) {
  expect(response.status).toBe(401)
  expect(response.body.error).toMatchObject({ code: 'authentication_error', details: { reason } })
}

/** A WebSocket upgrade the server must refuse; resolves with the plain HTTP answer it sends. */
function refusedUpgrade(
  url: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const upgrade = httpRequest(`${url}${path}`, {
      headers: {
        ...headers,
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': randomBytes(16).toString('base64'),
      },
    })

    upgrade.on('response', (response) => {
      let text = ''
      response.on('data', (chunk) => (text += chunk))
      response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(text) }))
    })
    upgrade.on('upgrade', (_response, socket) => {
      socket.destroy()
      reject(new Error('the upgrade was accepted'))
    })
    upgrade.on('error', reject)
    upgrade.end()
  })
}

describe('the reason every authentication failure names', () => {
  let server: TestServer
  let adminToken: string
  let adminId: string
  let loginId: string
  let secret: Uint8Array
  let signingKey: CreatedKey

  beforeAll(async () => {
    server = await startTestServer()
    secret = new Uint8Array(
      Buffer.from(readFileSync(join(server.dataDir, 'jwt-signing.key'), 'utf8'), 'base64'),
    )
    adminToken = await server.login()
    adminId = decodeJwt(adminToken).sub!
    loginId = decodeJwt(adminToken).sid as string
    signingKey = await createKey(server, adminToken, {
      name: 'Signing',
      scopes: ['clients:read'],
      signing: true,
      require_signing: true,
    })
  })

  afterAll(() => server.close())

  const clients = (token?: string, headers?: Record<string, string>) =>
    server.call('GET', '/api/v1/clients', {
      ...(token ? { token } : {}),
      ...(headers ? { headers } : {}),
    })

  const signedClients = (headers: Record<string, string>) =>
    callWithKey(server, 'GET', '/api/v1/clients', { secret: signingKey.secret }, { headers })

  function accessToken(signedWith: Uint8Array, expiresAt: number) {
    return new SignJWT({ role: 'admin', typ: 'access', sid: loginId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(adminId)
      .setIssuer('smartsteps')
      .setAudience('smartsteps-api')
      .setIssuedAt(expiresAt - 60)
      .setExpirationTime(expiresAt)
      .sign(signedWith)
  }

  it('missing_credential: no Authorization header', async () => {
    expectRefusedFor(await clients(), 'missing_credential')
  })

  it('malformed_credential: not a bearer header, or a credential of no known shape', async () => {
    expectRefusedFor(
      await clients(undefined, { authorization: 'Basic YWRtaW46eA==' }),
      'malformed_credential',
    )
    expectRefusedFor(await clients('not-a-credential-the-server-issued'), 'malformed_credential')
    expectRefusedFor(await clients('sk_ss_short'), 'malformed_credential')
  })

  it('invalid_credentials: the same reason for a wrong password and an unknown user', async () => {
    const wrongPassword = await server.call('POST', '/api/v1/auth/login', {
      body: { username: 'admin', password: `${ADMIN_PASSWORD}-not` },
    })
    const unknownUser = await server.call('POST', '/api/v1/auth/login', {
      body: { username: 'nobody.here', password: ADMIN_PASSWORD },
    })

    expectRefusedFor(wrongPassword, 'invalid_credentials')
    expectRefusedFor(unknownUser, 'invalid_credentials')
    expect(unknownUser.body.error.message).toBe(wrongPassword.body.error.message)
  })

  it('token_expired: an access token past its expiry', async () => {
    const expired = await accessToken(secret, Math.floor(Date.now() / 1000) - 30)

    expectRefusedFor(await clients(expired), 'token_expired')
  })

  it('token_invalid: an access token signed with another key', async () => {
    const forged = await accessToken(randomBytes(32), Math.floor(Date.now() / 1000) + 60)

    expectRefusedFor(await clients(forged), 'token_invalid')
  })

  it('login_ended: an access token of a login that signed out, and its refresh token', async () => {
    const login = await server.call('POST', '/api/v1/auth/login', {
      body: { username: 'admin', password: ADMIN_PASSWORD },
    })
    const refreshToken = login.body.refresh_token

    await server.call('POST', '/api/v1/auth/logout', { body: { refresh_token: refreshToken } })

    expectRefusedFor(await clients(login.body.token), 'login_ended')
    expectRefusedFor(
      await server.call('POST', '/api/v1/auth/refresh', { body: { refresh_token: refreshToken } }),
      'login_ended',
    )
  })

  it('account_inactive: an API key of a deactivated user', async () => {
    const facilitatorToken = await server.facilitator('reason.inactive')
    const key = await createKey(server, facilitatorToken, {
      name: 'Kept',
      scopes: ['clients:read'],
    })
    const userId = decodeJwt(facilitatorToken).sub!

    await server.call('DELETE', `/api/v1/users/${userId}`, { token: adminToken })

    expectRefusedFor(await clients(key.secret), 'account_inactive')
  })

  it('key_unknown: a well-formed API key nobody issued', async () => {
    expectRefusedFor(await clients(`sk_ss_${'A1b2'.repeat(10)}`), 'key_unknown')
  })

  it('key_revoked: a revoked API key', async () => {
    const key = await createKey(server, adminToken, { name: 'Revoked', scopes: ['clients:read'] })

    await server.call('DELETE', `/api/v1/keys/${key.key_id}`, { token: adminToken })

    expectRefusedFor(await clients(key.secret), 'key_revoked')
  })

  it('key_expired: an API key past its expiry', async () => {
    const key = await createKey(server, adminToken, { name: 'Expired', scopes: ['clients:read'] })

    // No API shortens a key's life, so its stored expiry is moved into the past directly.
    const db = new Database(join(server.dataDir, DATABASE_FILE))
    db.prepare('UPDATE api_keys SET expires_at = ? WHERE key_id = ?').run(
      new Date(Date.now() - 60_000).toISOString(),
      key.key_id,
    )
    db.close()

    expectRefusedFor(await clients(key.secret), 'key_expired')
  })

  it('signature_invalid: an unsigned request, or one signed with another secret', async () => {
    expectRefusedFor(await signedClients({}), 'signature_invalid')
    expectRefusedFor(
      await signedClients(signatureHeaders('sig_not-the-secret')),
      'signature_invalid',
    )
  })

  it('signature_replayed: the same signature twice', async () => {
    const headers = signatureHeaders(signingKey.signing_secret!, '', `${unixSeconds()}.424242`)

    expect((await signedClients(headers)).status).toBe(200)
    expectRefusedFor(await signedClients(headers), 'signature_replayed')
  })

  it('timestamp_out_of_tolerance: a signature an hour old', async () => {
    const headers = signatureHeaders(signingKey.signing_secret!, '', unixSeconds(-3600))

    expectRefusedFor(await signedClients(headers), 'timestamp_out_of_tolerance')
  })

  it('reset_token_invalid: a password reset token nobody issued', async () => {
    const confirmed = await server.call('POST', '/api/v1/auth/password/reset/confirm', {
      body: {
        token: 'not-a-reset-token-anyone-was-sent',
        new_password: 'a-new-password-for-reasons',
      },
    })

    expectRefusedFor(confirmed, 'reset_token_invalid')
  })

  it('ticket_invalid and missing_credential on the WebSocket upgrade', async () => {
    const badTicket = await refusedUpgrade(server.url, '/ws?ticket=not-a-ticket')
    const nothing = await refusedUpgrade(server.url, '/ws')

    expect(badTicket.status).toBe(401)
    expect(badTicket.body.error.details).toEqual({ reason: 'ticket_invalid' })
    expect(nothing.status).toBe(401)
    expect(nothing.body.error.details).toEqual({ reason: 'missing_credential' })
  })

  it('token_expired on the WebSocket upgrade, as on REST', async () => {
    const expired = await accessToken(secret, Math.floor(Date.now() / 1000) - 30)
    const refused = await refusedUpgrade(server.url, '/ws', { authorization: `Bearer ${expired}` })

    expect(refused.status).toBe(401)
    expect(refused.body.error.details).toEqual({ reason: 'token_expired' })
  })
})

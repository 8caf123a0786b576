import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { decodeJwt, SignJWT, UnsecuredJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from '../testing/test-server.js'

describe('authentication', () => {
  let server: TestServer
  let secret: Uint8Array
  let adminId: string
  let loginId: string

  beforeAll(async () => {
    server = await startTestServer()
    secret = new Uint8Array(
      Buffer.from(readFileSync(join(server.dataDir, 'jwt-signing.key'), 'utf8'), 'base64'),
    )
    const login = await server.call('POST', '/api/v1/auth/login', {
      body: { username: 'admin', password: 'admin-password-for-tests' },
    })
    adminId = login.body.user.user_id
    loginId = decodeJwt(login.body.token).sid as string
  })

  afterAll(() => server.close())

  function token(claims: {
    iss?: string
    aud?: string
    exp?: number | null
    typ?: string
    sub?: string
  }) {
    const jwt = new SignJWT({ role: 'admin', typ: claims.typ ?? 'access', sid: loginId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub ?? adminId)
      .setIssuer(claims.iss ?? 'smartsteps')
      .setAudience(claims.aud ?? 'smartsteps-api')
      .setIssuedAt()

    if (claims.exp !== null) {
      jwt.setExpirationTime(claims.exp ?? '5m')
    }

    return jwt.sign(secret)
  }

  async function status(bearer: string) {
    return (await server.call('GET', '/api/v1/clients', { token: bearer })).status
  }

  it('accepts a well-formed token signed with the server key', async () => {
    expect(await status(await token({}))).toBe(200)
  })

  it('refuses tokens with alg none, a wrong issuer or audience, no or past expiry', async () => {
    const unsigned = new UnsecuredJWT({ role: 'admin', typ: 'access' })
      .setSubject(adminId)
      .setIssuer('smartsteps')
      .setAudience('smartsteps-api')
      .setExpirationTime('5m')
      .encode()

    expect(await status(unsigned)).toBe(401)
    expect(await status(await token({ iss: 'someone-else' }))).toBe(401)
    expect(await status(await token({ aud: 'another-api' }))).toBe(401)
    expect(await status(await token({ exp: null }))).toBe(401)
    expect(await status(await token({ exp: Math.floor(Date.now() / 1000) - 60 }))).toBe(401)
  })

  it('refuses a token signed with another key, a non-access token and an unknown subject', async () => {
    const foreign = await new SignJWT({ role: 'admin', typ: 'access' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(adminId)
      .setIssuer('smartsteps')
      .setAudience('smartsteps-api')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('x'.repeat(48)))

    expect(await status(foreign)).toBe(401)
    expect(await status(await token({ typ: 'refresh' }))).toBe(401)
    expect(await status(await token({ sub: 'usr_0000000000aaaaaaaaaaaaaaaa' }))).toBe(401)
  })

  it('refuses a refresh token presented as an access token', async () => {
    const login = await server.call('POST', '/api/v1/auth/login', {
      body: { username: 'admin', password: 'admin-password-for-tests' },
    })

    expect(await status(login.body.refresh_token)).toBe(401)
  })

  it('answers a wrong password and an unknown user alike', async () => {
    const wrongPassword = await server.call('POST', '/api/v1/auth/login', {
      body: { username: 'admin', password: 'nope-nope-nope' },
    })
    const unknownUser = await server.call('POST', '/api/v1/auth/login', {
      body: { username: 'ghost', password: 'nope-nope-nope' },
    })

    expect(wrongPassword.status).toBe(401)
    expect(unknownUser.status).toBe(401)
    expect(wrongPassword.body.error.message).toBe(unknownUser.body.error.message)
  })

  it('issues access tokens that expire in 15 minutes by default', async () => {
    const login = await server.call('POST', '/api/v1/auth/login', {
      body: { username: 'admin', password: 'admin-password-for-tests' },
    })
    const lifetime = new Date(login.body.expires_at).getTime() - Date.now()

    expect(lifetime).toBeGreaterThan(14 * 60_000)
    expect(lifetime).toBeLessThanOrEqual(15 * 60_000)
  })
})

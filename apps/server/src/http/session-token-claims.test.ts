import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { decodeJwt, type JWTPayload, SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from '../testing/test-server.js'

/** The default access-token lifetime, which the test server keeps. */
const ACCESS_TTL_SECONDS = 900

/**
 * Tokens signed with the server's own key, as only someone holding it could make them: the
 * checks below are what still limits such a token.
 */
describe('session tokens the server would not have issued', () => {
  let server: TestServer
  let secret: Uint8Array
  let issued: JWTPayload

  beforeAll(async () => {
    server = await startTestServer()
    secret = new Uint8Array(
      Buffer.from(readFileSync(join(server.dataDir, 'jwt-signing.key'), 'utf8'), 'base64'),
    )
    issued = decodeJwt(await server.facilitator('token.holder'))
  })

  afterAll(() => server.close())

  const nowSeconds = () => Math.floor(Date.now() / 1000)

  function sign(claims: JWTPayload) {
    return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secret)
  }

  async function status(claims: JWTPayload) {
    const token = await sign(claims)
    return (await server.call('GET', '/api/v1/clients', { token })).status
  }

  it('accepts a copy of what it issues, as a baseline', async () => {
    expect(issued.exp! - issued.iat!).toBe(ACCESS_TTL_SECONDS)
    expect(await status({ ...issued, jti: 'copy' })).toBe(200)
  })

  it('refuses a token issued for longer than the access-token lifetime', async () => {
    const iat = nowSeconds()

    expect(await status({ ...issued, iat, exp: iat + 100 * 365 * 86_400 })).toBe(401)
    expect(await status({ ...issued, iat, exp: iat + ACCESS_TTL_SECONDS + 3600 })).toBe(401)
    expect(await status({ ...issued, iat, exp: iat + ACCESS_TTL_SECONDS })).toBe(200)
  })

  it('refuses a token issued in the future, which would outlive its lifetime', async () => {
    const iat = nowSeconds() + 30 * 86_400

    expect(await status({ ...issued, iat, exp: iat + ACCESS_TTL_SECONDS })).toBe(401)
  })

  it('refuses a token that names no login, since nothing could revoke it', async () => {
    const { sid: _sid, ...withoutLogin } = issued

    expect(await status(withoutLogin)).toBe(401)
    expect(await status({ ...issued, sid: 42 })).toBe(401)
  })
})

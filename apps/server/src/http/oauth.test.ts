import { type CryptoKey, exportSPKI, importJWK, type JWK, SignJWT, UnsecuredJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rawUpgrade } from '../realtime/testing/raw-upgrade.js'
import { configSection } from '../testing/config-section.js'
import { startOidcProvider, type OidcProvider } from '../testing/oidc-provider.js'
import { startTestServer, type TestServer } from '../testing/test-server.js'

function oauthServer(provider: { issuer: string; jwksUrl: string }) {
  return startTestServer({
    security: configSection('security', {
      rate_limiting: { enabled: false },
      oauth: {
        enabled: true,
        issuer: provider.issuer,
        audience: 'smartsteps-api',
        jwks_url: provider.jwksUrl,
        jwks_cooldown_seconds: 1,
      },
    }),
  })
}

describe('OAuth bearer tokens from an external provider', () => {
  let provider: OidcProvider
  let server: TestServer
  let admin: string

  beforeAll(async () => {
    provider = await startOidcProvider()
    await provider.addKey('rsa-1')
    await provider.addKey('ec-1', 'ES256')
    provider.publish('rsa-1', 'ec-1')
    server = await oauthServer(provider)
    admin = await server.login()
  })

  afterAll(async () => {
    await server.close()
    await provider.close()
  })

  function call(token: string) {
    return server.call('GET', '/api/v1/clients', { token })
  }

  function userNamed(username: string) {
    return server.services.storage.users.getByUsername(username)
  }

  describe('happy paths', () => {
    it('accepts an RS256 token, creating an external user with the default role', async () => {
      const response = await call(await provider.sign({ kid: 'rsa-1' }))

      expect(response.status).toBe(200)

      const user = (await userNamed('ext.user'))!
      const listed = await server.call('GET', `/api/v1/users/${user.user_id}`, { token: admin })

      expect(listed.body).toMatchObject({
        username: 'ext.user',
        role: 'facilitator',
        active: true,
        auth_source: 'oauth',
        email: 'ext.user@oauth.invalid',
      })
      expect(user.password_hash).toBeNull()
      expect(user.external_subject).toBe(`${provider.issuer}#subject-1`)
    })

    it('accepts an ES256 token and finds the same user again', async () => {
      expect((await call(await provider.sign({ kid: 'ec-1' }))).status).toBe(200)
      expect((await server.services.storage.users.list({ offset: 0, limit: 100 })).items).toEqual(
        expect.arrayContaining([expect.objectContaining({ username: 'ext.user' })]),
      )
    })

    it('maps the role claim, a name or a list, and follows it when it changes', async () => {
      const claims = {
        sub: 'subject-2',
        preferred_username: 'Ext.Admin',
        email: 'Ext.Admin@Example.org',
      }
      const asAdmin = await provider.sign({ claims: { ...claims, smartsteps_role: 'admin' } })
      const asSupervisor = await provider.sign({
        claims: { ...claims, smartsteps_role: ['staff', 'supervisor'] },
      })

      expect((await server.call('GET', '/api/v1/users', { token: asAdmin })).status).toBe(200)
      expect(await userNamed('ext.admin')).toMatchObject({
        role: 'admin',
        email: 'ext.admin@example.org',
      })
      expect((await server.call('GET', '/api/v1/users', { token: asSupervisor })).status).toBe(403)
      expect((await userNamed('ext.admin'))!.role).toBe('supervisor')
    })
  })

  describe('refusals', () => {
    it('refuses a wrong issuer, a wrong audience and an expired token', async () => {
      const wrongIssuer = await provider.sign({ iss: 'https://impostor.example' })
      const wrongAudience = await provider.sign({ aud: 'another-api' })
      const expired = await provider.sign({ expiresIn: -120 })

      for (const token of [wrongIssuer, wrongAudience, expired]) {
        expect((await call(token)).status).toBe(401)
      }

      expect((await call(expired)).body.error.message).toContain('expired')
    })

    it('refuses alg none and HS256 signed with the public key', async () => {
      const unsigned = new UnsecuredJWT({ preferred_username: 'ext.user' })
        .setIssuer(provider.issuer)
        .setAudience('smartsteps-api')
        .setSubject('subject-1')
        .setExpirationTime('5m')
        .encode()
      const published = (await (await fetch(provider.jwksUrl)).json()) as { keys: JWK[] }
      const publicJwk = published.keys.find((key) => key.kid === 'rsa-1')!
      const publicPem = await exportSPKI((await importJWK(publicJwk, 'RS256')) as CryptoKey)
      const hmacWithPublicKey = (secret: string) =>
        new SignJWT({ preferred_username: 'ext.user' })
          .setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' })
          .setIssuer(provider.issuer)
          .setAudience('smartsteps-api')
          .setSubject('subject-1')
          .setExpirationTime('5m')
          .sign(new TextEncoder().encode(secret))

      for (const token of [
        unsigned,
        await hmacWithPublicKey(publicPem),
        await hmacWithPublicKey(JSON.stringify(publicJwk)),
      ]) {
        const response = await call(token)
        expect(response.status).toBe(401)
        expect(response.body.error.code).toBe('authentication_error')
      }
    })

    it('refuses an unknown kid without refetching the key set inside the cooldown', async () => {
      await provider.addKey('not-published')
      await call(await provider.sign({ kid: 'rsa-1' }))
      const fetchesBefore = provider.fetches()

      const first = await call(await provider.sign({ kid: 'not-published' }))
      const second = await call(await provider.sign({ kid: 'not-published' }))

      expect(first.status).toBe(401)
      expect(second.status).toBe(401)
      expect(provider.fetches() - fetchesBefore).toBeLessThanOrEqual(1)
    })

    it('never lets a token take over a local account or another subject’s username', async () => {
      const asLocalAdmin = await provider.sign({
        claims: { sub: 'attacker', preferred_username: 'admin', smartsteps_role: 'admin' },
      })
      const asOtherSubject = await provider.sign({
        claims: { sub: 'someone-else', preferred_username: 'ext.user' },
      })

      for (const token of [asLocalAdmin, asOtherSubject]) {
        const response = await call(token)
        expect(response.status).toBe(401)
        expect(response.body.error.message).toContain('another Smart Steps account')
      }
    })

    it('refuses a token whose username claim is missing or unusable', async () => {
      const missing = await provider.sign({ claims: { sub: 's-3', preferred_username: undefined } })
      const unusable = await provider.sign({
        claims: { sub: 's-4', preferred_username: 'has spaces!' },
      })

      expect((await call(missing)).status).toBe(401)
      expect((await call(unusable)).status).toBe(401)
    })

    it('refuses external users deactivated in Smart Steps, their password sign-in and resets', async () => {
      const token = await provider.sign({
        claims: { sub: 'subject-5', preferred_username: 'ext.leaver' },
      })
      expect((await call(token)).status).toBe(200)
      const user = (await userNamed('ext.leaver'))!

      const change = await server.call('POST', '/api/v1/auth/password', {
        token,
        body: { current_password: 'anything-at-all', new_password: 'a-new-password-123' },
      })
      const passwordLogin = await server.call('POST', '/api/v1/auth/login', {
        body: { username: 'ext.leaver', password: 'anything-at-all' },
      })

      expect(change.status).toBe(403)
      expect(passwordLogin.status).toBe(401)

      await server.call('DELETE', `/api/v1/users/${user.user_id}`, { token: admin })

      expect((await call(token)).status).toBe(401)
    })

    it('leaves session tokens and API keys to their own authenticators', async () => {
      const ownIssuerOnProviderKey = await provider.sign({ iss: 'smartsteps' })

      expect((await call(admin)).status).toBe(200)
      expect((await call(ownIssuerOnProviderKey)).status).toBe(401)
    })
  })

  it('picks up a rotated key once the cooldown has passed', async () => {
    await provider.addKey('rsa-2')
    provider.publish('rsa-2')
    const rotated = await provider.sign({ kid: 'rsa-2' })
    const fetchesBefore = provider.fetches()

    await new Promise((resolve) => setTimeout(resolve, 1100))

    expect((await call(rotated)).status).toBe(200)
    expect(provider.fetches()).toBe(fetchesBefore + 1)
  })
})

describe('OAuth with the provider unreachable', () => {
  it('answers 503, not 401, when the key set cannot be fetched', async () => {
    const provider = await startOidcProvider()
    await provider.addKey('rsa-1')
    provider.publish('rsa-1')
    const token = await provider.sign()
    await provider.close()

    const server = await oauthServer(provider)

    try {
      const response = await server.call('GET', '/api/v1/clients', { token })

      expect(response.status).toBe(503)
      expect(response.body.error.code).toBe('service_unavailable')

      const upgrade = await rawUpgrade(server.url, { token })

      expect(upgrade.status).toBe(503)
      expect(JSON.parse(upgrade.body).error.code).toBe('service_unavailable')
    } finally {
      await server.close()
    }
  })
})

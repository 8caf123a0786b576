import { describe, expect, it } from 'vitest'

import { ConfigSchema } from './schema.js'

function issuesOf(oauth: Record<string, unknown>, jwt: Record<string, unknown> = {}) {
  const parsed = ConfigSchema.safeParse({ security: { oauth, jwt } })

  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
}

const PROVIDER = {
  enabled: true,
  issuer: 'https://id.example.org/realms/care',
  audience: 'smartsteps-api',
  jwks_url: 'https://id.example.org/realms/care/protocol/openid-connect/certs',
}

describe('security.oauth', () => {
  it('is off by default and then needs nothing else', () => {
    const config = ConfigSchema.parse({})

    expect(config.security.oauth).toMatchObject({
      enabled: false,
      username_claim: 'preferred_username',
      role_claim: 'smartsteps_role',
      default_role: 'facilitator',
    })
    expect(issuesOf({ enabled: false })).toEqual([])
  })

  it('needs the issuer, audience and key set URL when enabled', () => {
    expect(issuesOf({ enabled: true })).toEqual([
      'security.oauth.issuer: required when enabled is true',
      'security.oauth.audience: required when enabled is true',
      'security.oauth.jwks_url: required when enabled is true',
    ])
    expect(issuesOf(PROVIDER)).toEqual([])
  })

  it('fetches keys over https, or plain http on this machine only', () => {
    expect(issuesOf({ ...PROVIDER, jwks_url: 'http://id.example.org/certs' })).toEqual([
      'security.oauth.jwks_url: must be https: keys fetched in the clear could be swapped for an attacker’s',
    ])
    expect(issuesOf({ ...PROVIDER, jwks_url: 'http://127.0.0.1:8080/certs' })).toEqual([])
    expect(issuesOf({ ...PROVIDER, jwks_url: 'http://[::1]:8080/certs' })).toEqual([])
    expect(issuesOf({ ...PROVIDER, jwks_url: 'file:///etc/keys.json' })).toHaveLength(1)
    expect(issuesOf({ ...PROVIDER, jwks_url: 'not a url' })).toHaveLength(1)
  })

  it("refuses the issuer of Smart Steps' own tokens and roles that do not exist", () => {
    expect(issuesOf({ ...PROVIDER, issuer: 'smartsteps' })).toEqual([
      'security.oauth.issuer: must differ from security.jwt.issuer, which marks Smart Steps’ own tokens',
    ])
    expect(issuesOf({ ...PROVIDER, default_role: 'superuser' })).toHaveLength(1)
  })
})

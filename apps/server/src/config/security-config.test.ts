import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { temporaryFolders } from '../testing/temporary-folders.js'
import { ConfigError, loadConfig } from './load.js'

const temporaryFolder = temporaryFolders('smartsteps-config-')

function loadYaml(text: string) {
  const file = join(temporaryFolder(), 'config.yaml')
  writeFileSync(file, text)
  return loadConfig({ file, env: {} })
}

function errorOf(text: string): string {
  try {
    loadYaml(text)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }

  throw new Error('the configuration was accepted')
}

const REFERENCE = `
security:
  api_keys:
    rate_limiting:
      enabled: true
      rate: "1000/minute"
  rate_limiting:
    enabled: true
    default_limit: "100/minute"
    per_endpoint:
      "/api/v1/auth/login": "20/minute"
      "/api/v1/auth/password/reset": "10/hour"
    per_user:
      default: "1000/hour"
      admin: "5000/hour"
    ip_whitelist: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"]
  headers:
    Content-Security-Policy: "default-src 'self'"
    X-Content-Type-Options: "nosniff"
    X-Frame-Options: "DENY"
    Strict-Transport-Security: "max-age=31536000; includeSubDomains"
    Referrer-Policy: "strict-origin-when-cross-origin"
`

describe('security configuration', () => {
  it("reads the reference's rate limiting, API key and header settings", () => {
    const { security } = loadYaml(REFERENCE)

    expect(security.rate_limiting.default_limit).toEqual({
      limit: 100,
      windowMs: 60_000,
      text: '100/minute',
    })
    expect(security.rate_limiting.per_endpoint['/api/v1/auth/password/reset']?.windowMs).toBe(
      3_600_000,
    )
    expect(security.rate_limiting.per_user.admin.limit).toBe(5000)
    expect(security.rate_limiting.per_user.facilitator).toBeUndefined()
    expect(security.api_keys.rate_limiting.rate.limit).toBe(1000)
    expect(security.headers['X-XSS-Protection']).toBe('0')
  })

  it('keeps the login and password reset limits when other endpoints are configured', () => {
    const { security } = loadYaml(
      'security:\n  rate_limiting:\n    per_endpoint:\n      "/api/v1/clients": "5/second"\n',
    )

    expect(Object.keys(security.rate_limiting.per_endpoint).sort()).toEqual([
      '/api/v1/auth/login',
      '/api/v1/auth/password/reset',
      '/api/v1/clients',
    ])
  })

  it('names the key of a malformed rate and says what a rate looks like', () => {
    const message = errorOf(
      'security:\n  rate_limiting:\n    default_limit: "100 per minute"\n    per_user:\n      admin: "5000/hours"\n',
    )

    expect(message).toMatch(/security\.rate_limiting\.default_limit: must look like "100\/minute"/)
    expect(message).toMatch(/got "100 per minute"/)
    expect(message).toMatch(/security\.rate_limiting\.per_user\.admin/)
  })

  it('refuses unknown roles, parameterised endpoint paths and bad networks', () => {
    const message = errorOf(`
server:
  trusted_proxies: ["10.0.0.0/33"]
security:
  rate_limiting:
    per_user:
      owner: "1/second"
    per_endpoint:
      "/api/v1/clients/{client_id}": "1/second"
    ip_whitelist: ["0.0.0.0/0"]
`)

    expect(message).toMatch(/server\.trusted_proxies\.0: must be an IPv4 or IPv6 address/)
    expect(message).toMatch(/per_user.*owner/)
    expect(message).toMatch(/per_endpoint.*literal request path/)
    expect(message).toMatch(/ip_whitelist\.0: a \/0 network matches every address/)
  })

  it('refuses the deprecated X-XSS-Protection value and saying why', () => {
    const message = errorOf('security:\n  headers:\n    X-XSS-Protection: "1; mode=block"\n')

    expect(message).toMatch(/security\.headers\.X-XSS-Protection: must be "0"/)
  })

  it('refuses a wildcard origin together with credentials, and origins with paths', () => {
    const wildcard = errorOf(
      'security:\n  cors:\n    allowed_origins: ["*"]\n    allow_credentials: true\n',
    )
    const withPath = errorOf(
      'security:\n  cors:\n    allowed_origins: ["https://app.example.org/"]\n',
    )

    expect(wildcard).toMatch(/security\.cors\.allow_credentials: cannot be true/)
    expect(withPath).toMatch(/security\.cors\.allowed_origins\.0: must be an origin/)
  })
})

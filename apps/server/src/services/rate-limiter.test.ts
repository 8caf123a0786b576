import { describe, expect, it } from 'vitest'

import { ConfigSchema } from '../config/schema.js'
import type { Actor } from '../domain/actor.js'
import { scopesOf } from '../domain/actor.js'
import { createInMemoryRateLimitStore } from '../rate-limits/in-memory-store.js'
import { createRateLimiter, type Quota, secondsUntilReset, tightest } from './rate-limiter.js'

function limiterWith(security: Record<string, unknown> = {}, now = () => 1_000_000) {
  const config = ConfigSchema.parse({ security }).security

  return createRateLimiter(createInMemoryRateLimitStore({ now }), {
    limits: config.rate_limiting,
    apiKeys: config.api_keys.rate_limiting,
  })
}

function actor(role: Actor['role'], credential: Actor['credential']): Actor {
  return { userId: `usr_${role}`, username: role, role, scopes: scopesOf(role), credential }
}

const SESSION = { kind: 'session_token', id: null } as const

async function hitsUntilRefused(count: () => Promise<Quota[]>, atMost = 10_000) {
  for (let hit = 1; hit <= atMost; hit++) {
    if ((await count()).some((quota) => quota.exceeded)) {
      return hit
    }
  }

  return Infinity
}

describe('the rate limiter', () => {
  it('limits anonymous callers by address with default_limit', async () => {
    const limiter = limiterWith({ rate_limiting: { default_limit: '3/minute' } })

    expect(await hitsUntilRefused(() => limiter.byCaller('203.0.113.9', undefined))).toBe(4)
    expect((await limiter.byCaller('203.0.113.10', undefined))[0]).toMatchObject({
      tier: 'default',
      limit: 3,
      remaining: 2,
      exceeded: false,
    })
  })

  it('limits each endpoint per address, and every request per address', async () => {
    const limiter = limiterWith({ rate_limiting: { per_ip: '50/minute' } })
    const login = () => limiter.byAddress('203.0.113.9', '/api/v1/auth/login')

    expect(await hitsUntilRefused(login)).toBe(21)
    expect(await hitsUntilRefused(() => limiter.byAddress('203.0.113.9', '/api/health'))).toBe(30)
    expect((await limiter.byAddress('203.0.113.10', '/api/v1/auth/login')).length).toBe(2)
  })

  it('counts a whole IPv6 /64 as one address', async () => {
    const limiter = limiterWith({ rate_limiting: { per_ip: '2/minute' } })

    await limiter.byAddress('2001:db8:1:2::1')
    await limiter.byAddress('2001:db8:1:2::2')

    expect((await limiter.byAddress('2001:db8:1:2:ffff::9'))[0]?.exceeded).toBe(true)
    expect((await limiter.byAddress('2001:db8:1:3::1'))[0]?.exceeded).toBe(false)
  })

  it('limits session tokens per user by default_limit and by role', async () => {
    const limiter = limiterWith({
      rate_limiting: {
        default_limit: '1000/minute',
        per_user: { default: '3/hour', admin: '5/hour' },
      },
    })

    const admin = actor('admin', SESSION)
    const facilitator = actor('facilitator', SESSION)

    expect(await hitsUntilRefused(() => limiter.byCaller('203.0.113.9', admin))).toBe(6)
    expect(await hitsUntilRefused(() => limiter.byCaller('203.0.113.9', facilitator))).toBe(4)
    expect((await limiter.byCaller(null, admin)).map((quota) => quota.tier)).toEqual([
      'default',
      'user',
    ])
  })

  it("limits an API key by its own rate, not its owner's", async () => {
    const limiter = limiterWith({
      rate_limiting: { default_limit: '2/minute', per_user: { default: '2/hour' } },
      api_keys: { rate_limiting: { rate: '4/minute' } },
    })
    const keyed = actor('facilitator', { kind: 'api_key', id: 'key_one' })
    const other = actor('facilitator', { kind: 'api_key', id: 'key_two' })

    expect(await hitsUntilRefused(() => limiter.byCaller(null, keyed))).toBe(5)
    expect(await limiter.byCaller(null, other)).toEqual([
      expect.objectContaining({ tier: 'api_key', limit: 4, exceeded: false }),
    ])
  })

  it('falls back to default_limit per key when key limits are off', async () => {
    const limiter = limiterWith({
      rate_limiting: { default_limit: '2/minute' },
      api_keys: { rate_limiting: { enabled: false } },
    })
    const keyed = actor('admin', { kind: 'api_key', id: 'key_one' })

    expect(await hitsUntilRefused(() => limiter.byCaller(null, keyed))).toBe(3)
    expect((await limiter.byCaller(null, keyed)).map((quota) => quota.tier)).toEqual(['default'])
  })

  it('does not apply to whitelisted networks, in either IPv4 form, or when disabled', () => {
    const limiter = limiterWith({ rate_limiting: { ip_whitelist: ['10.0.0.0/8', 'fd00::/8'] } })

    expect(limiter.applies('10.1.2.3')).toBe(false)
    expect(limiter.applies('::ffff:10.1.2.3')).toBe(false)
    expect(limiter.applies('fd00::5')).toBe(false)
    expect(limiter.applies('203.0.113.9')).toBe(true)
    expect(limiter.applies(null)).toBe(true)
    expect(limiterWith({ rate_limiting: { enabled: false } }).applies('203.0.113.9')).toBe(false)
  })

  it('opens a new window when the last one closes', async () => {
    let time = 1_000_000
    const limiter = limiterWith({ rate_limiting: { default_limit: '1/second' } }, () => time)

    await limiter.byCaller('203.0.113.9', undefined)
    expect((await limiter.byCaller('203.0.113.9', undefined))[0]?.exceeded).toBe(true)

    time += 1000
    expect((await limiter.byCaller('203.0.113.9', undefined))[0]?.exceeded).toBe(false)
  })
})

describe('tightest', () => {
  const quota = (overrides: Partial<Quota>): Quota => ({
    tier: 'ip',
    limit: 10,
    remaining: 5,
    resetAt: 10_000,
    exceeded: false,
    ...overrides,
  })

  it('reports the quota with the fewest requests left', () => {
    const fewest = quota({ tier: 'user', remaining: 1 })

    expect(tightest([quota({}), fewest, quota({ tier: 'default', remaining: 3 })])).toBe(fewest)
    expect(tightest([])).toBeUndefined()
  })

  it('reports, when refused, the exceeded quota that reopens last', () => {
    const later = quota({ tier: 'user', remaining: 0, exceeded: true, resetAt: 90_000 })
    const sooner = quota({ tier: 'endpoint', remaining: 0, exceeded: true, resetAt: 20_000 })

    expect(tightest([quota({ remaining: 0 }), sooner, later])).toBe(later)
  })

  it('rounds the seconds to wait up, and to at least one', () => {
    expect(secondsUntilReset(quota({ resetAt: 10_001 }), 9_000)).toBe(2)
    expect(secondsUntilReset(quota({ resetAt: 10_000 }), 10_000)).toBe(1)
  })
})

import type { Context, MiddlewareHandler } from 'hono'

import {
  type Quota,
  type RateLimiter,
  secondsUntilReset,
  tightest,
} from '../../services/rate-limiter.js'
import type { AppEnv } from '../env.js'
import { errorResponse } from '../errors.js'

function writeHeaders(c: Context<AppEnv>, quotas: readonly Quota[]) {
  const quota = tightest(quotas)

  if (!quota) {
    return
  }

  c.header('RateLimit-Limit', String(quota.limit))
  c.header('RateLimit-Remaining', String(quota.remaining))
  c.header('RateLimit-Reset', String(secondsUntilReset(quota)))
}

/**
 * Counts with the store, or lets the request through when the store fails: an outage of the
 * counters must not take the API down with it.
 */
async function counted(c: Context<AppEnv>, counting: () => Promise<Quota[]>): Promise<Quota[]> {
  try {
    const quotas = await counting()
    c.get('rateLimits')?.push(...quotas)
    return quotas
  } catch (error) {
    c.get('logger').error({ err: error }, 'rate limit store failed; request let through')
    return []
  }
}

function refusal(c: Context<AppEnv>, quotas: readonly Quota[]) {
  const quota = tightest(quotas)

  if (!quota?.exceeded) {
    return undefined
  }

  const retryAfter = secondsUntilReset(quota)

  c.header('Retry-After', String(retryAfter))

  return errorResponse(c, 'rate_limited', `Rate limit exceeded; retry in ${retryAfter} s`, {
    tier: quota.tier,
    limit: quota.limit,
    retry_after_seconds: retryAfter,
  })
}

/**
 * Before authentication, so floods and password guessing are refused before any credential is
 * checked: the per-address and per-endpoint tiers. Writes the RateLimit headers of every tier
 * the request met, its own and {@link limitByCaller}'s, on the way out.
 */
export function limitByAddress(limiter: RateLimiter): MiddlewareHandler<AppEnv> {
  return async function limitByAddress(c, next) {
    const address = c.get('clientIp')

    if (!limiter.applies(address)) {
      return next()
    }

    c.set('rateLimits', [])

    const quotas = await counted(c, () => limiter.byAddress(address, c.req.path))
    const refused = refusal(c, quotas)

    if (refused) {
      writeHeaders(c, quotas)
      return refused
    }

    await next()

    writeHeaders(c, c.get('rateLimits') ?? quotas)
  }
}

/** After authentication: the caller's own tiers, or the anonymous tier by address. */
export function limitByCaller(limiter: RateLimiter): MiddlewareHandler<AppEnv> {
  return async function limitByCaller(c, next) {
    if (!c.get('rateLimits')) {
      return next()
    }

    const quotas = await counted(c, () => limiter.byCaller(c.get('clientIp'), c.get('actor')))

    return refusal(c, quotas) ?? next()
  }
}

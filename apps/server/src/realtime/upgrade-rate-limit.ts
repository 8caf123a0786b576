import type { Logger } from '../logger.js'
import { type RateLimiter, secondsUntilReset, tightest } from '../services/rate-limiter.js'

export interface UpgradeRefusal {
  reason: string
  headers: string[]
}

/**
 * Counts a WebSocket upgrade against its address's per-IP limit, like any HTTP request, before
 * its credentials are checked. Answers the refusal when the address is over the limit. As over
 * HTTP, a failing counter store lets the upgrade through.
 */
export async function limitUpgrade(
  limiter: RateLimiter,
  clientIp: string | null,
  logger: Logger,
): Promise<UpgradeRefusal | null> {
  if (!limiter.applies(clientIp)) {
    return null
  }

  let quota

  try {
    quota = tightest(await limiter.byAddress(clientIp))
  } catch (error) {
    logger.error({ err: error }, 'rate limit store failed; upgrade let through')
    return null
  }

  if (!quota?.exceeded) {
    return null
  }

  const retryAfter = secondsUntilReset(quota)

  return {
    reason: `Rate limit exceeded; retry in ${retryAfter} s`,
    headers: [
      `Retry-After: ${retryAfter}`,
      `RateLimit-Limit: ${quota.limit}`,
      'RateLimit-Remaining: 0',
      `RateLimit-Reset: ${retryAfter}`,
    ],
  }
}

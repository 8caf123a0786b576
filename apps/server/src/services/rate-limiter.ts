import type { ApiKeyRateLimitingConfig, RateLimitingConfig } from '../config/rate-limiting.js'
import type { Actor } from '../domain/actor.js'
import { networkOf } from '../domain/address-network.js'
import { ipAllowList } from '../domain/ip-allow-list.js'
import type { Rate } from '../domain/rate.js'
import type { RateLimitStore } from '../ports/rate-limit-store.js'

/** Named after the setting that sets its limit. */
export type RateLimitTier = 'ip' | 'endpoint' | 'default' | 'user' | 'api_key'

/** Where one counter stands after counting a request. */
export interface Quota {
  tier: RateLimitTier
  limit: number
  remaining: number
  /** When the window closes, in ms since the epoch. */
  resetAt: number
  exceeded: boolean
}

export interface RateLimiterSettings {
  limits: RateLimitingConfig
  apiKeys: ApiKeyRateLimitingConfig
}

/**
 * The rate-limit tiers of docs/security/rate-limits-and-headers.md over a counter store. A
 * request counts against every tier that applies to it and is refused when any is exceeded;
 * refused requests count too, so hammering on a closed window earns nothing.
 */
export function createRateLimiter(store: RateLimitStore, settings: RateLimiterSettings) {
  const { limits, apiKeys } = settings
  const whitelisted = ipAllowList(limits.ip_whitelist)

  async function count(tier: RateLimitTier, subject: string, rate: Rate): Promise<Quota> {
    const window = await store.hit(`rl:${tier}:${subject}`, rate.windowMs)

    return {
      tier,
      limit: rate.limit,
      remaining: Math.max(0, rate.limit - window.count),
      resetAt: window.resetAt,
      exceeded: window.count > rate.limit,
    }
  }

  function callerTiers(address: string | null, actor: Actor | undefined) {
    if (!actor) {
      return [count('default', `address:${networkOf(address)}`, limits.default_limit)]
    }

    const { kind, id } = actor.credential

    if (kind === 'api_key' && id && apiKeys.enabled) {
      return [count('api_key', id, apiKeys.rate)]
    }

    const roleRate = limits.per_user[actor.role] ?? limits.per_user.default

    // Session tokens carry no id of their own, so a user's sessions share one counter.
    return [
      count('default', `${kind}:${id ?? actor.userId}`, limits.default_limit),
      ...(kind === 'api_key' ? [] : [count('user', actor.userId, roleRate)]),
    ]
  }

  return {
    /** False when limiting is off or the address is on the whitelist; null is never whitelisted. */
    applies(address: string | null): boolean {
      return limits.enabled && !whitelisted(address)
    },

    /** Before authentication: the address's own limit and the endpoint's, if it has one. */
    byAddress(address: string | null, path?: string): Promise<Quota[]> {
      const network = networkOf(address)
      const endpointRate = path === undefined ? undefined : limits.per_endpoint[path]

      return Promise.all([
        count('ip', network, limits.per_ip),
        ...(endpointRate ? [count('endpoint', `${path}:${network}`, endpointRate)] : []),
      ])
    },

    /** After authentication: by credential and user, or by address for anonymous callers. */
    byCaller(address: string | null, actor: Actor | undefined): Promise<Quota[]> {
      return Promise.all(callerTiers(address, actor))
    },
  }
}

/**
 * The quota to report: when refused, the exceeded one that reopens last (nothing gets through
 * before it does); otherwise the one with the fewest requests left.
 */
export function tightest(quotas: readonly Quota[]): Quota | undefined {
  const exceeded = quotas.filter((quota) => quota.exceeded)

  if (exceeded.length > 0) {
    return exceeded.reduce((latest, quota) => (quota.resetAt > latest.resetAt ? quota : latest))
  }

  return quotas.reduce<Quota | undefined>(
    (least, quota) =>
      !least ||
      quota.remaining < least.remaining ||
      (quota.remaining === least.remaining && quota.resetAt > least.resetAt)
        ? quota
        : least,
    undefined,
  )
}

/** Seconds until the window closes, rounded up: a client waiting that long is never early. */
export function secondsUntilReset(quota: Quota, now = Date.now()): number {
  return Math.max(1, Math.ceil((quota.resetAt - now) / 1000))
}

export type RateLimiter = ReturnType<typeof createRateLimiter>

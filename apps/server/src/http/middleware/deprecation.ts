import type { Deprecation, Deprecations } from '@smartsteps/contracts'
import type { MiddlewareHandler } from 'hono'
import { matchedRoutes } from 'hono/route'

import type { AppEnv } from '../env.js'

export const DEPRECATION_WARNING = 'This endpoint is deprecated'

/** `"METHOD /path"` as the contracts write it, from a Hono route (`/clients/:id`). */
export function operationKey(method: string, honoPath: string): string {
  return `${method.toUpperCase()} ${honoPath.replace(/:(\w+)/g, '{$1}')}`
}

function headersOf(deprecation: Deprecation): Array<[string, string]> {
  const since = Date.parse(`${deprecation.since}T00:00:00Z`) / 1000
  const sunset = new Date(`${deprecation.sunset}T00:00:00Z`).toUTCString()

  return [
    ['X-API-Warning', DEPRECATION_WARNING],
    ['Deprecation', `@${since}`],
    ['Sunset', sunset],
  ]
}

/**
 * Tells callers of a deprecated operation so on every answer, errors included: the reference's
 * X-API-Warning, plus the standard Deprecation (RFC 9745, a date) and Sunset (RFC 8594).
 */
export function announceDeprecations(deprecations: Deprecations): MiddlewareHandler<AppEnv> {
  const headers = new Map(
    Object.entries(deprecations).map(([operation, entry]) => [operation, headersOf(entry)]),
  )

  return async function announceDeprecations(c, next) {
    await next()

    if (headers.size === 0) {
      return
    }

    const route = matchedRoutes(c).at(-1)
    const found = route && headers.get(operationKey(route.method, route.path))

    for (const [name, value] of found ?? []) {
      c.header(name, value)
    }
  }
}

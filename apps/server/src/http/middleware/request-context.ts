import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context, MiddlewareHandler } from 'hono'

import type { ClientAddressResolver } from '../../domain/client-address.js'
import { requestIdFor } from '../../domain/request-id.js'
import type { Logger } from '../../logger.js'
import type { AppEnv } from '../env.js'

/** The peer address of the socket; absent when the app is called in-process (tests). */
function remoteAddressOf(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null
  } catch {
    return null
  }
}

/**
 * Gives every request an id (a sane incoming X-Request-Id is kept, so calls can be traced
 * across services), the caller's address, a logger carrying the id, and one access log line
 * when the response is sent. The log line holds the route pattern, never the query string or
 * body.
 */
export function requestContext(
  logger: Logger,
  resolveClientIp: ClientAddressResolver,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const requestId = requestIdFor(c.req.header('x-request-id'))
    const started = performance.now()
    const requestLogger = logger.child({ request_id: requestId })

    c.set('requestId', requestId)
    c.set('clientIp', resolveClientIp(remoteAddressOf(c), c.req.header('x-forwarded-for')))
    c.set('logger', requestLogger)

    await next()

    c.header('X-Request-Id', requestId)

    requestLogger.info(
      {
        method: c.req.method,
        route: c.req.routePath,
        status: c.res.status,
        duration_ms: Math.round((performance.now() - started) * 100) / 100,
        user_id: c.get('actor')?.userId,
      },
      'request',
    )
  }
}

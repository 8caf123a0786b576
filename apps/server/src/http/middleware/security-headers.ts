import type { MiddlewareHandler } from 'hono'

import type { SecurityHeadersConfig } from '../../config/security-headers.js'
import type { AppEnv } from '../env.js'

/**
 * Puts `security.headers` on every response, errors and 404s included, once the response is
 * made. A route that needs another Content-Security-Policy (the Swagger UI page) sets its own,
 * which is kept; every other header is always the configured one.
 */
export function securityHeaders(headers: SecurityHeadersConfig): MiddlewareHandler<AppEnv> {
  const entries = Object.entries(headers)

  return async function securityHeaders(c, next) {
    await next()

    for (const [name, value] of entries) {
      if (name === 'Content-Security-Policy' && c.res.headers.has(name)) {
        continue
      }

      c.header(name, value)
    }
  }
}

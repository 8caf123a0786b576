import type { Context, MiddlewareHandler } from 'hono'

import type { CorsConfig } from '../../config/cors.js'
import type { AppEnv } from '../env.js'
import { errorResponse } from '../errors.js'

const ALLOWED_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']
const ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'X-Request-Id',
  'X-Signature',
  'X-Signature-Timestamp',
]
const EXPOSED_HEADERS = [
  'X-Request-Id',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'Retry-After',
  'X-API-Warning',
  'Deprecation',
  'Sunset',
]

/**
 * CORS from `security.cors`. The Origin header is echoed only when it is on the allow-list,
 * never because it was sent; `"*"` is answered as `*`, which browsers never combine with
 * credentials (the configuration refuses that pair too). Preflights are answered here, before
 * rate limiting and authentication, which browsers never send them with.
 */
export function cors(config: CorsConfig): MiddlewareHandler<AppEnv> {
  const anyOrigin = config.allowed_origins.includes('*')
  const origins = new Set(config.allowed_origins)

  // The answer depends on Origin unless every origin gets the same one, so caches must know.
  function varyByOrigin(c: Context<AppEnv>) {
    if (!anyOrigin) {
      c.header('Vary', 'Origin', { append: true })
    }
  }

  function allowOrigin(c: Context<AppEnv>, origin: string) {
    c.header('Access-Control-Allow-Origin', anyOrigin ? '*' : origin)

    if (config.allow_credentials) {
      c.header('Access-Control-Allow-Credentials', 'true')
    }
  }

  return async function cors(c, next) {
    const origin = c.req.header('origin')
    const allowed = origin !== undefined && (anyOrigin || origins.has(origin))

    if (c.req.method === 'OPTIONS' && origin && c.req.header('access-control-request-method')) {
      varyByOrigin(c)

      if (!allowed) {
        return errorResponse(c, 'permission_denied', 'This origin may not call the API')
      }

      allowOrigin(c, origin)
      c.header('Access-Control-Allow-Methods', ALLOWED_METHODS.join(', '))
      c.header('Access-Control-Allow-Headers', ALLOWED_HEADERS.join(', '))
      c.header('Access-Control-Max-Age', String(config.max_age_seconds))

      return c.body(null, 204)
    }

    await next()

    varyByOrigin(c)

    if (allowed) {
      allowOrigin(c, origin)
      c.header('Access-Control-Expose-Headers', EXPOSED_HEADERS.join(', '))
    }
  }
}

import type { MiddlewareHandler } from 'hono'

import type { AppEnv } from '../env.js'

/**
 * API answers hold people's personal data, which no browser or proxy cache may keep: every
 * response is marked `no-store`, errors included. A route that serves something public and
 * unchanging (the Swagger UI assets) sets its own Cache-Control, which is kept.
 */
export function noStore(): MiddlewareHandler<AppEnv> {
  return async function noStore(c, next) {
    await next()

    if (!c.res.headers.has('Cache-Control')) {
      c.header('Cache-Control', 'no-store')
    }
  }
}

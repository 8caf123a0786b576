import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'

import type { AppEnv } from '../env.js'
import { errorResponse } from '../errors.js'

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH'])
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i

/** Caps request bodies, counting streamed bytes too, not only a declared Content-Length. */
export function limitBody(maxBytes: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      errorResponse(c as never, 'payload_too_large', `Request body exceeds ${maxBytes} bytes`, {
        limit_bytes: maxBytes,
      }),
  })
}

/**
 * A body that says it is something other than JSON is refused outright, so it can never slip
 * past the contract validators, which only read JSON bodies.
 */
export function requireJsonBody(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const contentType = c.req.header('content-type')

    if (METHODS_WITH_BODY.has(c.req.method) && contentType && !JSON_TYPE.test(contentType)) {
      return errorResponse(c, 'unsupported_media_type', 'Request bodies must be application/json')
    }

    await next()
  }
}

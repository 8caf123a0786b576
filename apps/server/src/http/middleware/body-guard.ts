import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'

import { findJsonHazard } from '../../domain/json-hazards.js'
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
 * Whether the request carries body bytes. HTTP/1.1 frames every body with Content-Length or
 * Transfer-Encoding, so the headers tell without reading the stream.
 */
function hasBody(c: Context<AppEnv>): boolean {
  const length = c.req.header('content-length')

  return (
    (length !== undefined && Number(length) > 0) || c.req.header('transfer-encoding') !== undefined
  )
}

/**
 * A body that is not declared JSON is refused outright, so it can never slip past the contract
 * validators, which only read JSON bodies. A body without a Content-Type counts as not JSON.
 */
export function requireJsonBody(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const contentType = c.req.header('content-type')
    const declaredOther = contentType ? !JSON_TYPE.test(contentType) : hasBody(c)

    if (METHODS_WITH_BODY.has(c.req.method) && declaredOther) {
      return errorResponse(c, 'unsupported_media_type', 'Request bodies must be application/json')
    }

    await next()
  }
}

/**
 * Refuses, whatever the route, JSON bodies holding text that cannot be stored as written or a
 * key that would become a prototype (see findJsonHazard). Malformed JSON is left to the route's
 * validator, which answers it with invalid_request; the parsed body is cached for it either way.
 */
export function refuseJsonHazards(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!METHODS_WITH_BODY.has(c.req.method) || !hasBody(c)) {
      return next()
    }

    let body: unknown

    try {
      body = await c.req.json()
    } catch {
      return next()
    }

    const hazard = findJsonHazard(body)

    if (hazard) {
      return errorResponse(c, 'validation_error', 'Invalid body', { issues: [hazard] })
    }

    await next()
  }
}

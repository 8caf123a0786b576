import {
  AUTH_FAILURE_REASONS,
  ERROR_STATUS,
  type ErrorCode,
  ErrorEnvelopeSchema,
  type Scope,
} from '@smartsteps/contracts'
import type { MiddlewareHandler } from 'hono'
import type { z } from 'zod'

import { requireScope } from '../../domain/actor.js'
import type { AppEnv } from '../env.js'

/** The reasons listed from the contracts' table, so the spec cannot drift from what is sent. */
const AUTHENTICATION_ERROR_DESCRIPTION = `Missing, invalid or expired credentials. details.reason says why: ${Object.entries(
  AUTH_FAILURE_REASONS,
)
  .map(([reason, meaning]) => `\`${reason}\` (${meaning})`)
  .join(
    '; ',
  )}. Only token_expired is fixed by renewing the access token; a 401 without a reason comes from an older server.`

const ERROR_DESCRIPTIONS: Record<ErrorCode, string> = {
  invalid_request: 'Malformed request, e.g. a body that is not JSON',
  authentication_error: AUTHENTICATION_ERROR_DESCRIPTION,
  permission_denied: 'Authenticated, but not allowed to do this',
  resource_not_found: 'No such resource, or not one the caller may see',
  method_not_allowed:
    'The path exists but not with this method; the Allow header lists those it has',
  conflict: 'The resource is not in a state that allows this',
  payload_too_large: 'The body exceeds the configured limit',
  unsupported_media_type: 'The body is not application/json',
  validation_error: 'The request does not match the contract; details.issues lists each problem',
  rate_limited: 'Too many requests; retry after the Retry-After header',
  internal_error: 'Unexpected server error; quote the request id',
  service_unavailable: 'The server cannot serve requests right now',
}

function integerHeader(description: string) {
  return { description, schema: { type: 'integer' as const, minimum: 0 } }
}

/** What a 429 carries besides its body; docs/security/rate-limits-and-headers.md. */
const RATE_LIMITED_HEADERS = {
  'Retry-After': integerHeader('Seconds to wait before trying again'),
  'RateLimit-Limit': integerHeader('Requests allowed per window by the limit that was hit'),
  'RateLimit-Remaining': integerHeader('Requests left in its window: 0'),
  'RateLimit-Reset': integerHeader('Seconds until its window closes'),
}

/**
 * The standard error responses a route declares, so the spec and the SDK know them. Every
 * route can also answer rate_limited, since every request counts against its address's limit,
 * and internal_error.
 */
export function errorResponses(...codes: ErrorCode[]) {
  const responses: Record<
    number,
    {
      description: string
      content: Record<string, { schema: typeof ErrorEnvelopeSchema }>
      headers?: typeof RATE_LIMITED_HEADERS
    }
  > = {}

  for (const code of new Set<ErrorCode>([...codes, 'rate_limited', 'internal_error'])) {
    const status = ERROR_STATUS[code]
    const existing = responses[status]
    const description = ERROR_DESCRIPTIONS[code]

    responses[status] = {
      description: existing ? `${existing.description}; ${description}` : description,
      content: { 'application/json': { schema: ErrorEnvelopeSchema } },
      ...(code === 'rate_limited' ? { headers: RATE_LIMITED_HEADERS } : {}),
    }
  }

  return responses
}

/** Errors every authenticated JSON route can answer with. */
export const AUTHENTICATED_ERRORS: ErrorCode[] = ['authentication_error', 'permission_denied']
export const BODY_ERRORS: ErrorCode[] = [
  'invalid_request',
  'payload_too_large',
  'unsupported_media_type',
  'validation_error',
]

export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return {
    body: {
      required: true,
      ...(description ? { description } : {}),
      content: { 'application/json': { schema } },
    },
  }
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } }
}

export const BEARER_SECURITY = [{ bearerAuth: [] }]

/**
 * What an authenticated route declares: the bearer scheme, the one scope it needs (also
 * written into the OpenAPI document as `x-required-scope`), and the check itself.
 */
export function secured(scope: Scope) {
  const checkScope: MiddlewareHandler<AppEnv> = async (c, next) => {
    requireScope(c.get('actor'), scope)
    await next()
  }

  return {
    security: BEARER_SECURITY,
    'x-required-scope': scope,
    middleware: [checkScope],
  }
}

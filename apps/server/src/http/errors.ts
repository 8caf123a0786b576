import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { z } from 'zod'

import { ERROR_STATUS, type ErrorCode, type ErrorEnvelope } from '@smartsteps/contracts'

import { DomainError } from '../domain/errors.js'
import type { AppEnv } from './env.js'

export function errorResponse(
  c: Context<AppEnv>,
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
) {
  const body: ErrorEnvelope = {
    error: { code, message, ...(details ? { details } : {}), request_id: c.get('requestId') },
  }

  return c.json(body, ERROR_STATUS[code] as ContentfulStatusCode)
}

export function issuesOf(error: z.ZodError) {
  return error.issues.map((issue) => {
    const keys = 'keys' in issue ? (issue.keys as string[]) : []
    const field = [...issue.path, ...(keys.length === 1 ? keys : [])].join('.')
    const reason = keys.length > 1 ? `${issue.message}: ${keys.join(', ')}` : issue.message

    return { field: field || '(body)', reason }
  })
}

/** The one validation hook: every contract violation in a request becomes validation_error. */
export function validationHook(
  result: { success: true } | { success: false; error: z.ZodError; target: string },
  c: Context<AppEnv>,
) {
  if (result.success) {
    return
  }

  return errorResponse(
    c,
    'validation_error',
    `Invalid ${result.target === 'json' ? 'body' : result.target}`,
    {
      issues: issuesOf(result.error),
    },
  )
}

/** A framework refusal (a 413 or 415 from Hono's middleware) keeps its status through the table. */
function codeForStatus(status: number): ErrorCode {
  const entry = Object.entries(ERROR_STATUS).find(([, tableStatus]) => tableStatus === status)

  return entry ? (entry[0] as ErrorCode) : 'invalid_request'
}

/** The one error handler: domain errors keep their code, anything unknown is internal_error. */
export function handleError(error: Error, c: Context<AppEnv>) {
  if (error instanceof DomainError) {
    const retryAfter = error.details?.retry_after_seconds

    // A service that refuses for a while (the sign-in lockout) says how long, as 429s must.
    if (error.code === 'rate_limited' && typeof retryAfter === 'number') {
      c.header('Retry-After', String(retryAfter))
    }

    return errorResponse(c, error.code, error.message, error.details)
  }

  if (error instanceof HTTPException && error.status < 500) {
    return errorResponse(c, codeForStatus(error.status), error.message || 'Invalid request')
  }

  c.get('logger')?.error({ err: error }, 'unhandled error')

  return errorResponse(c, 'internal_error', 'Internal server error')
}

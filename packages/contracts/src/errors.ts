import { z } from 'zod'

/**
 * The closed set of error codes of the REST API, each with the one HTTP status it is sent
 * with. Servers and SDKs translate in both directions through this table only.
 */
export const ERROR_STATUS = {
  invalid_request: 400,
  authentication_error: 401,
  permission_denied: 403,
  resource_not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_error: 422,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const

export type ErrorCode = keyof typeof ERROR_STATUS

export const ErrorCodeSchema = z
  .enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]])
  .meta({ id: 'ErrorCode', description: 'Machine-readable error code; see the status table.' })

export const ValidationIssueSchema = z
  .object({
    field: z.string().meta({ description: 'Dotted path of the offending field', example: 'email' }),
    reason: z.string().meta({ example: 'Invalid email address' }),
  })
  .meta({ id: 'ValidationIssue' })

export const ErrorEnvelopeSchema = z
  .object({
    error: z.object({
      code: ErrorCodeSchema,
      message: z.string().meta({ example: 'Request validation failed' }),
      details: z.record(z.string(), z.unknown()).optional().meta({
        description:
          'Extra facts about the error. Validation errors carry `issues`, a list of {field, reason}.',
      }),
      request_id: z.string().meta({ example: 'req_01jf3v9k2m8q4r7t1w5x6y9z0a' }),
    }),
  })
  .meta({ id: 'Error', description: 'The body of every error response.' })

export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>
export type ValidationIssue = z.infer<typeof ValidationIssueSchema>

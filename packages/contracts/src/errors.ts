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

/**
 * Why a request got authentication_error, sent as `details.reason`: the closed set, each with
 * what it means. Only `token_expired` is fixed by renewing the access token; every other reason
 * needs a new sign-in, key or signature. Sign-in failures have one reason, so they never tell
 * whether an account exists.
 */
export const AUTH_FAILURE_REASONS = {
  missing_credential: 'No credential was sent',
  malformed_credential:
    'The Authorization header is not `Bearer <credential>`, or the credential has no known shape',
  invalid_credentials: 'Sign-in refused: the username and password do not match an active account',
  token_expired: 'The access token expired; renew it and retry',
  token_invalid: 'The access token was not issued for this server, or names no usable account',
  login_ended:
    'The login is over (logout, password change, reused or expired refresh token); sign in again',
  account_inactive: 'The account behind the credential is deactivated',
  key_unknown: 'No such API key',
  key_expired: "The API key expired, or this secret's grace after a rotation ended",
  key_revoked: 'The API key was revoked',
  signature_invalid: 'The request signature is missing, malformed or does not match',
  signature_replayed: 'This request signature was already used',
  timestamp_out_of_tolerance: 'X-Signature-Timestamp is too far from the server clock',
  ticket_invalid: 'The realtime ticket is unknown, spent, or its credential no longer works',
  reset_token_invalid: 'The password reset token is unknown, used, replaced or expired',
} as const

export type AuthFailureReason = keyof typeof AUTH_FAILURE_REASONS

export const AuthFailureReasonSchema = z
  .enum(Object.keys(AUTH_FAILURE_REASONS) as [AuthFailureReason, ...AuthFailureReason[]])
  .meta({
    id: 'AuthFailureReason',
    description: 'Why authentication failed; `details.reason` of authentication_error.',
  })

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
          'Extra facts about the error. Validation errors carry `issues`, a list of {field, reason}; authentication errors carry `reason`, an AuthFailureReason.',
      }),
      request_id: z.string().meta({ example: 'req_01jf3v9k2m8q4r7t1w5x6y9z0a' }),
    }),
  })
  .meta({ id: 'Error', description: 'The body of every error response.' })

export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>
export type ValidationIssue = z.infer<typeof ValidationIssueSchema>

import {
  type AuthFailureReason,
  AuthFailureReasonSchema,
  type ErrorCode,
} from '@smartsteps/contracts'

export interface SmartStepsErrorInit {
  status: number
  code: ErrorCode
  message: string
  details?: Record<string, unknown>
  requestId: string | null
  retryAfterSeconds?: number | null
}

/**
 * The API answered with an error. `code` is one of the contracts' error codes (ERROR_STATUS);
 * quote `requestId` when asking the operators about a failure.
 */
export class SmartStepsError extends Error {
  override readonly name = 'SmartStepsError'
  readonly status: number
  readonly code: ErrorCode
  readonly details: Record<string, unknown> | undefined
  readonly requestId: string | null
  /** On 429: how long the server asked to wait, from Retry-After; null otherwise. */
  readonly retryAfterSeconds: number | null
  /**
   * On 401: why authentication failed (`details.reason`). Null when the server gave none (older
   * servers) or one this SDK does not know (newer ones); `details.reason` still holds it then.
   */
  readonly reason: AuthFailureReason | null

  constructor(init: SmartStepsErrorInit) {
    super(init.message)
    this.status = init.status
    this.code = init.code
    this.details = init.details
    this.requestId = init.requestId
    this.retryAfterSeconds = init.retryAfterSeconds ?? null
    this.reason =
      init.code === 'authentication_error'
        ? (AuthFailureReasonSchema.safeParse(init.details?.reason).data ?? null)
        : null
  }
}

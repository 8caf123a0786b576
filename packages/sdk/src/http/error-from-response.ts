import { ERROR_STATUS, type ErrorCode, ErrorEnvelopeSchema } from '@smartsteps/contracts'

import { SmartStepsError } from '../errors/index.js'
import { retryAfterSecondsOf } from './retry-after.js'

const CODE_OF_STATUS = new Map<number, ErrorCode>(
  Object.entries(ERROR_STATUS).map(([code, status]) => [status, code as ErrorCode]),
)

/** A proxy's "bad gateway" or "gateway timeout": the server cannot be served right now. */
const GATEWAY_STATUSES = new Set([502, 504])

/** For an answer without the error envelope (a proxy's page, say): the code of its status. */
function codeOfStatus(status: number): ErrorCode {
  if (GATEWAY_STATUSES.has(status)) {
    return 'service_unavailable'
  }

  return CODE_OF_STATUS.get(status) ?? (status >= 500 ? 'internal_error' : 'invalid_request')
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** The SmartStepsError an error answer stands for, read from its body and headers. */
export function errorFromResponse(response: Response, text: string): SmartStepsError {
  const envelope = ErrorEnvelopeSchema.safeParse(parseJson(text))
  const headerRequestId = response.headers.get('x-request-id')
  const retryAfterSeconds = retryAfterSecondsOf(response.headers)

  if (!envelope.success) {
    return new SmartStepsError({
      status: response.status,
      code: codeOfStatus(response.status),
      message: `HTTP ${response.status} without a Smart Steps error body`,
      requestId: headerRequestId,
      retryAfterSeconds,
    })
  }

  const { code, message, details, request_id } = envelope.data.error

  return new SmartStepsError({
    status: response.status,
    code,
    message,
    ...(details ? { details } : {}),
    requestId: request_id || headerRequestId,
    retryAfterSeconds,
  })
}

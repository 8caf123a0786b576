import type { RealtimeErrorCode, ServerFrame } from '@smartsteps/contracts'

import { DomainError } from '../domain/errors.js'

let serverFrameCount = 0

/** Ids of server-originated frames: unique within the process, ordered by sending. */
export function nextServerFrameId(): string {
  serverFrameCount += 1
  return `srv_${serverFrameCount.toString(36)}`
}

export function errorFrame(
  code: RealtimeErrorCode,
  message: string,
  requestId: string | null,
): ServerFrame {
  return { type: 'error', id: nextServerFrameId(), data: { code, message, request_id: requestId } }
}

/** Translates a service error into the realtime error code a client can act on. */
export function realtimeCodeOf(error: unknown): { code: RealtimeErrorCode; message: string } {
  if (!(error instanceof DomainError)) {
    return { code: 'internal_error', message: 'Internal server error' }
  }

  switch (error.code) {
    case 'resource_not_found':
      return { code: 'session_not_found', message: error.message }
    case 'permission_denied':
    case 'authentication_error':
    case 'conflict':
    case 'rate_limited':
      return { code: error.code, message: error.message }
    case 'validation_error':
    case 'invalid_request':
      return { code: 'invalid_request', message: error.message }
    default:
      return { code: 'internal_error', message: 'Internal server error' }
  }
}

/** The id of a frame that failed validation, if it had a usable one. */
export function frameIdOf(value: unknown): string | null {
  const id = (value as { id?: unknown } | null)?.id
  return typeof id === 'string' && id.length > 0 && id.length <= 128 ? id : null
}

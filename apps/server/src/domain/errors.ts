import type { AuthFailureReason, ErrorCode } from '@smartsteps/contracts'

/**
 * The one error type services throw. The HTTP and WebSocket edges translate `code` into a
 * status or an error frame; services never know about either.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'DomainError'
  }
}

export function notFound(kind: string): DomainError {
  return new DomainError('resource_not_found', `${kind} not found`)
}

export function conflict(message: string, details?: Record<string, unknown>): DomainError {
  return new DomainError('conflict', message, details)
}

export function forbidden(message: string): DomainError {
  return new DomainError('permission_denied', message)
}

/** Every 401 names its reason, so clients decide between renewing and signing in again. */
export function unauthenticated(reason: AuthFailureReason, message: string): DomainError {
  return new DomainError('authentication_error', message, { reason })
}

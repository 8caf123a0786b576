import { PASSWORD_MIN_LENGTH } from '@smartsteps/contracts'

import { DomainError } from '../domain/errors.js'

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

/**
 * The rules a new password must meet beyond the contract's length: it may not be the username,
 * in any case, since that is the first guess anyone makes. Throws validation_error naming
 * `field`.
 */
export function checkNewPassword(password: string, username: string, field: string): void {
  const reason =
    password.length < PASSWORD_MIN_LENGTH
      ? `must be at least ${PASSWORD_MIN_LENGTH} characters`
      : fold(password) === fold(username)
        ? 'must not be the username'
        : null

  if (reason) {
    throw new DomainError('validation_error', 'The new password does not meet the policy', {
      issues: [{ field, reason }],
    })
  }
}

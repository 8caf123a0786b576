import { PASSWORD_MIN_DISTINCT_CHARACTERS, PASSWORD_MIN_LENGTH } from '@smartsteps/contracts'

import { DomainError } from '../domain/errors.js'
import { isCommonPassword } from './common-passwords.js'

/** Compatibility forms and letter case do not make a password harder to guess. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

/**
 * Why the password may not be set, or null when it may. Beyond the contract's length: not only
 * whitespace, enough different characters (`aaaaaaaaaaaa` is as long as it is weak), not the
 * username in any case, and not one of the passwords guessers try first.
 */
export function passwordPolicyProblem(password: string, username: string): string | null {
  const folded = fold(password)

  if (password.length < PASSWORD_MIN_LENGTH) {
    return `must be at least ${PASSWORD_MIN_LENGTH} characters`
  }

  if (password.trim() === '') {
    return 'must not be only whitespace'
  }

  if (new Set(folded).size < PASSWORD_MIN_DISTINCT_CHARACTERS) {
    return `must contain at least ${PASSWORD_MIN_DISTINCT_CHARACTERS} different characters`
  }

  if (folded === fold(username)) {
    return 'must not be the username'
  }

  if (isCommonPassword(folded)) {
    return 'must not be a commonly used password'
  }

  return null
}

/** Throws validation_error naming `field` when the password may not be set. */
export function checkNewPassword(password: string, username: string, field: string): void {
  const reason = passwordPolicyProblem(password, username)

  if (reason) {
    throw new DomainError('validation_error', 'The new password does not meet the policy', {
      issues: [{ field, reason }],
    })
  }
}

import { SmartStepsError } from '../errors/index.js'

/**
 * Whether a refused request calls for a renewed access token: a 401 saying the token expired,
 * or a 401 with no reason at all, as servers before `details.reason` sent. Any other reason
 * (the login ended, the key was revoked, a bad signature) a refresh cannot cure, and trying
 * would spend a single-use refresh token for nothing.
 */
export function callsForRenewal(error: unknown): boolean {
  if (!(error instanceof SmartStepsError) || error.status !== 401) {
    return false
  }

  return error.details?.reason === undefined || error.reason === 'token_expired'
}

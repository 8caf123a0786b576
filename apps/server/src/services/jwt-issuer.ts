import { decodeJwt } from 'jose'

/**
 * The `iss` a JWT claims, read without checking its signature: only to choose which
 * authenticator verifies it. Null for anything that is not a JWT with a string issuer.
 */
export function unverifiedIssuer(credential: string): string | null {
  try {
    const { iss } = decodeJwt(credential)
    return typeof iss === 'string' ? iss : null
  } catch {
    return null
  }
}

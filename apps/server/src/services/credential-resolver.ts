import type { Actor } from '../domain/actor.js'
import { unauthenticated } from '../domain/errors.js'

/** Facts about the request a credential arrived on, for rules such as IP allow-lists. */
export interface CredentialContext {
  clientIp: string | null
  /** The request's signature headers and raw body; absent means unsigned with no body. */
  signature?: SignatureParts
}

/**
 * What a signed request carries (docs/security/request-signing.md). The body is read only when
 * a signature is checked, so requests with other credentials never buffer it here.
 */
export interface SignatureParts {
  timestamp: string | undefined
  signature: string | undefined
  body(): Promise<Uint8Array>
}

export interface ResolvedCredential {
  actor: Actor
  /** When the credential stops being valid, in ms since the epoch (sockets close then). */
  expiresAt: number
}

/**
 * One way of proving who you are with a bearer credential: session JWTs, API keys, tokens of
 * an external OpenID Connect provider. `accepts` looks only at the credential's shape.
 */
export interface Authenticator {
  readonly name: string
  accepts(credential: string): boolean
  authenticate(credential: string, context: CredentialContext): Promise<ResolvedCredential>
}

/** Tries the authenticators in order; the first that accepts the credential decides. */
export function createCredentialResolver(authenticators: Authenticator[]) {
  return {
    async resolve(credential: string, context: CredentialContext): Promise<ResolvedCredential> {
      const authenticator = authenticators.find((candidate) => candidate.accepts(credential))

      if (!authenticator) {
        throw unauthenticated('malformed_credential', 'Unrecognised credential')
      }

      return authenticator.authenticate(credential, context)
    },
  }
}

export type CredentialResolver = ReturnType<typeof createCredentialResolver>

import { createRemoteJWKSet, customFetch, errors as joseErrors, jwtVerify } from 'jose'

import type { OAuthSettings } from '../config/oauth-schema.js'
import { scopesOf } from '../domain/actor.js'
import { DomainError, unauthenticated } from '../domain/errors.js'
import type { Storage } from '../ports/storage.js'
import type { Authenticator, ResolvedCredential } from './credential-resolver.js'
import { createExternalAccounts } from './external-accounts.js'
import { unverifiedIssuer } from './jwt-issuer.js'
import { identityOf } from './oauth-claims.js'

/** Asymmetric only: with HS256 anyone who has the public key could sign. */
const ALGORITHMS = ['RS256', 'ES256']

const JWKS_TIMEOUT_MS = 5000

/** The provider's key set could not be fetched: its fault, not the caller's. */
class ProviderUnavailable extends Error {
  constructor(cause: unknown) {
    super('the identity provider key set could not be fetched', { cause })
    this.name = 'ProviderUnavailable'
  }
}

/** fetch for jose that reports an unreachable or failing provider as ProviderUnavailable. */
async function fetchKeySet(url: string, init: RequestInit): Promise<Response> {
  let response: Response

  try {
    response = await fetch(url, init)
  } catch (error) {
    throw new ProviderUnavailable(error)
  }

  if (response.status !== 200) {
    throw new ProviderUnavailable(new Error(`HTTP ${response.status}`))
  }

  return response
}

/**
 * Authenticates bearer tokens of an external OpenID Connect provider (docs/security/oauth.md).
 * Claims only JWTs whose unverified `iss` is the provider's; verifies the signature against the
 * provider's key set (cached, refetched for an unknown kid at most once per cooldown), the
 * issuer, the audience, the algorithm and the expiry; then maps the token to a Smart Steps user.
 */
export function createOAuthAuthenticator(storage: Storage, settings: OAuthSettings) {
  const keys = createRemoteJWKSet(new URL(settings.jwks_url), {
    cacheMaxAge: settings.jwks_cache_seconds * 1000,
    cooldownDuration: settings.jwks_cooldown_seconds * 1000,
    timeoutDuration: JWKS_TIMEOUT_MS,
    [customFetch]: fetchKeySet,
  })
  const accounts = createExternalAccounts(storage, settings.default_role)

  async function verify(credential: string) {
    try {
      const { payload } = await jwtVerify(credential, keys, {
        algorithms: ALGORITHMS,
        issuer: settings.issuer,
        audience: settings.audience,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: settings.clock_tolerance_seconds,
      })

      return payload
    } catch (error) {
      if (error instanceof ProviderUnavailable || error instanceof joseErrors.JWKSTimeout) {
        throw new DomainError(
          'service_unavailable',
          'The identity provider cannot be reached to check this token; try again shortly',
        )
      }

      if (error instanceof joseErrors.JWTExpired) {
        throw unauthenticated(
          'token_expired',
          'Token expired; get a new one from the identity provider',
        )
      }

      if (error instanceof joseErrors.JOSEError) {
        throw unauthenticated('token_invalid', 'Invalid token from the identity provider')
      }

      throw error
    }
  }

  async function authenticate(credential: string): Promise<ResolvedCredential> {
    const payload = await verify(credential)
    const user = await accounts.resolve(identityOf(payload, settings))

    return {
      actor: {
        userId: user.user_id,
        username: user.username,
        role: user.role,
        scopes: scopesOf(user.role),
        credential: { kind: 'oauth_token', id: null },
      },
      expiresAt: payload.exp! * 1000,
    }
  }

  const authenticator: Authenticator = {
    name: 'oauth_token',
    accepts: (credential) => unverifiedIssuer(credential) === settings.issuer,
    authenticate,
  }

  return { authenticator }
}

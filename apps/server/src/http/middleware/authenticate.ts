import type { AuthFailureReason } from '@smartsteps/contracts'
import type { MiddlewareHandler } from 'hono'

import { bearerCredential } from '../../services/bearer-credential.js'
import type { CredentialResolver } from '../../services/credential-resolver.js'
import type { AppEnv } from '../env.js'
import { errorResponse } from '../errors.js'

/**
 * Requires `Authorization: Bearer <credential>` and puts the actor on the context. The
 * request's signature headers and raw body go to the resolver with the credential, for keys
 * that sign their requests.
 */
export function authenticate(credentials: CredentialResolver): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization')
    const credential = bearerCredential(header)

    if (!credential) {
      c.header('WWW-Authenticate', 'Bearer realm="smartsteps"')
      return errorResponse(c, 'authentication_error', 'Missing or malformed Authorization header', {
        reason: header === undefined ? 'missing_credential' : 'malformed_credential',
      } satisfies { reason: AuthFailureReason })
    }

    const { actor, expiresAt } = await credentials.resolve(credential, {
      clientIp: c.get('clientIp'),
      signature: {
        timestamp: c.req.header('x-signature-timestamp'),
        signature: c.req.header('x-signature'),
        // Hono keeps the bytes read here, so the JSON validator later parses the same ones.
        body: async () => new Uint8Array(await c.req.arrayBuffer()),
      },
    })

    c.set('actor', actor)
    c.set('credentialExpiresAt', expiresAt)

    await next()
  }
}

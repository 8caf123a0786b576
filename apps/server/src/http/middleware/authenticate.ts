import type { MiddlewareHandler } from 'hono'

import type { CredentialResolver } from '../../services/credential-resolver.js'
import type { AppEnv } from '../env.js'
import { errorResponse } from '../errors.js'

const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/

/** Requires `Authorization: Bearer <credential>` and puts the actor on the context. */
export function authenticate(credentials: CredentialResolver): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const match = BEARER.exec(c.req.header('authorization') ?? '')

    if (!match) {
      c.header('WWW-Authenticate', 'Bearer realm="smartsteps"')
      return errorResponse(c, 'authentication_error', 'Missing or malformed Authorization header')
    }

    const { actor, expiresAt } = await credentials.resolve(match[1]!, {
      clientIp: c.get('clientIp'),
    })

    c.set('actor', actor)
    c.set('credentialExpiresAt', expiresAt)

    await next()
  }
}

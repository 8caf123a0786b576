import type { Actor } from '../domain/actor.js'
import type { Logger } from '../logger.js'

/** What middleware puts on each request's context for the handlers. */
export interface AppEnv {
  Variables: {
    requestId: string
    /** The caller's address as seen on the socket (proxies are not trusted yet). */
    clientIp: string | null
    logger: Logger
    actor: Actor
    /** When the credential behind `actor` stops being valid, in ms since the epoch. */
    credentialExpiresAt: number
  }
}

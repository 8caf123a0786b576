import type { Actor } from '../domain/actor.js'
import type { Logger } from '../logger.js'
import type { Quota } from '../services/rate-limiter.js'

/** What middleware puts on each request's context for the handlers. */
export interface AppEnv {
  Variables: {
    requestId: string
    /**
     * The caller's address: the socket peer's, or through a trusted proxy the one it forwarded
     * (domain/client-address.ts). Null only when the app is called in-process.
     */
    clientIp: string | null
    logger: Logger
    actor: Actor
    /** When the credential behind `actor` stops being valid, in ms since the epoch. */
    credentialExpiresAt: number
    /** Every rate-limit counter the request met; absent when no limit applies to it. */
    rateLimits?: Quota[]
  }
}

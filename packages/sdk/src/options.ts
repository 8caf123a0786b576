import type { TokenResponse } from '@smartsteps/contracts'

import type { Credentials } from './auth/token-keeper.js'
import type { FetchFunction } from './http/transport.js'

export interface SmartStepsOptions {
  /**
   * The server, e.g. `https://api.example.org` (a trailing `/api/v1` is accepted). Required:
   * the SDK has no default server.
   */
  baseUrl: string
  /** An access token from /auth/login, or from an external identity provider. */
  token?: string
  /** With `token`: the refresh token of the same login, so the SDK can renew the access token. */
  refreshToken?: string
  /** An API key (`sk_ss_...`). */
  apiKey?: string
  /** Signs in with these on first use, and again when the login ends. Kept in memory. */
  credentials?: Credentials
  /** The API key's signing secret (`sig_...`): every request is then signed. */
  signingSecret?: string
  /** Called with every new pair of tokens (persist it: refresh tokens are single-use) and null on logout. */
  onSession?: (session: TokenResponse | null) => void
  /** The fetch to use; default: the global one. */
  fetch?: FetchFunction
  /** Check every answer against the contract schemas (default true). */
  validateResponses?: boolean
  /**
   * After a 429, wait for Retry-After and try once more, if that wait is at most this many
   * seconds. Default: never retry (a 429 is thrown at once).
   */
  retryRateLimitedUpTo?: number
  /** Retry once, when no answer came back, a request that is safe to repeat (default true). */
  retryNetworkErrors?: boolean
  /** Give up on a request after this long (default 30 000 ms). */
  timeoutMs?: number
  /** Allow plain http to hosts other than this machine (default false). */
  allowInsecureHttp?: boolean
}

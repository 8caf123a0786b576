import type { TokenResponse } from '@smartsteps/contracts'

import { SmartStepsError } from '../errors/index.js'
import type { Authorizer } from './authorizer.js'
import { callsForRenewal } from './renewal.js'

export interface Credentials {
  username: string
  password: string
}

export interface TokenEndpoints {
  login(credentials: Credentials): Promise<TokenResponse>
  refresh(refreshToken: string): Promise<TokenResponse>
}

export interface TokenKeeperInit {
  endpoints: TokenEndpoints
  token?: string
  refreshToken?: string
  credentials?: Credentials
  /** Told of every new pair of tokens (to persist it) and of the end of the login (null). */
  onSession?: (session: TokenResponse | null) => void
}

interface Held {
  token: string
  refreshToken: string | null
  /** ms since the epoch; null when the token came from outside and its expiry is unknown. */
  expiresAt: number | null
  response: TokenResponse | null
}

/** Renew this long before the access token expires, so a request never leaves with a dying one. */
const RENEW_AHEAD_MS = 10_000

function isUnauthenticated(error: unknown): boolean {
  return error instanceof SmartStepsError && error.status === 401
}

/**
 * Holds a login's tokens and renews the access token with the refresh token. Refresh tokens are
 * single-use and presenting one twice revokes the whole login, so every renewal runs alone:
 * callers that need one while it runs share it.
 */
export class TokenKeeper implements Authorizer {
  private held: Held | null
  private credentials: Credentials | null
  private inFlight: Promise<void> | null = null
  private readonly endpoints: TokenEndpoints
  private readonly onSession: ((session: TokenResponse | null) => void) | undefined

  constructor(init: TokenKeeperInit) {
    this.endpoints = init.endpoints
    this.credentials = init.credentials ?? null
    this.onSession = init.onSession
    this.held = init.token
      ? {
          token: init.token,
          refreshToken: init.refreshToken ?? null,
          expiresAt: null,
          response: null,
        }
      : null
  }

  /** The latest token answer (login, refresh, password change); null before one or after logout. */
  get session(): TokenResponse | null {
    return this.held?.response ?? null
  }

  get refreshToken(): string | null {
    return this.held?.refreshToken ?? null
  }

  async bearer(): Promise<string | null> {
    if (this.inFlight) {
      await this.inFlight
    }

    if (!this.held && this.credentials) {
      await this.shared(() => this.loginWithCredentials())
    } else if (this.held && this.isExpiring(this.held)) {
      await this.renew(this.held.token)
    }

    return this.held?.token ?? null
  }

  async recover(failed: string, refusal: SmartStepsError): Promise<boolean> {
    if (!this.inFlight && this.held && this.held.token !== failed) {
      return true // renewed while the failed request was out
    }

    if (!callsForRenewal(refusal)) {
      // The login is over (ended, revoked, account gone): a refresh cannot cure that and would
      // only spend the refresh token; credentials kept for it may start a new login.
      await this.shared(() => this.startOver(failed))

      return this.held !== null && this.held.token !== failed
    }

    if (!this.inFlight && !this.held?.refreshToken && !this.credentials) {
      return false
    }

    await this.shared(() => (this.held ? this.refreshOrLogin() : this.loginWithCredentials()))

    return this.held !== null && this.held.token !== failed
  }

  /** Renews the access token `stale`, unless that already happened or is happening. */
  async renew(stale: string): Promise<void> {
    if (this.held?.token !== stale && !this.inFlight) {
      return
    }

    await this.shared(() => this.refreshOrLogin())
  }

  async login(credentials: Credentials): Promise<TokenResponse> {
    return this.adopt(await this.endpoints.login(credentials))
  }

  /** Renews the access token now, with the refresh token of the current login. */
  async refresh(): Promise<TokenResponse> {
    if (!this.held?.refreshToken) {
      throw new Error('No refresh token to renew with: sign in first')
    }

    await this.shared(() => this.refreshOrLogin())

    return this.held!.response!
  }

  /** After a password change: the credentials kept for signing in again hold the new one. */
  passwordChanged(newPassword: string): void {
    if (this.credentials) {
      this.credentials = { ...this.credentials, password: newPassword }
    }
  }

  /** Takes a new pair of tokens as the current login. */
  adopt(response: TokenResponse): TokenResponse {
    this.held = {
      token: response.token,
      refreshToken: response.refresh_token,
      expiresAt: Date.parse(response.expires_at),
      response,
    }
    this.onSession?.(response)

    return response
  }

  /** Forgets the tokens, and the credentials too: a signed-out client does not sign back in. */
  forget(): void {
    this.credentials = null
    this.held = null
    this.onSession?.(null)
  }

  private isExpiring(held: Held): boolean {
    return held.expiresAt !== null && held.expiresAt - Date.now() <= RENEW_AHEAD_MS
  }

  private shared(task: () => Promise<void>): Promise<void> {
    this.inFlight ??= task().finally(() => {
      this.inFlight = null
    })

    return this.inFlight
  }

  /** Drops the login whose token `failed` was refused for good, and signs in again if it can. */
  private async startOver(failed: string): Promise<void> {
    if (this.held?.token === failed) {
      this.held = null
      this.onSession?.(null)
    }

    await this.loginWithCredentials()
  }

  private async loginWithCredentials(): Promise<void> {
    if (this.credentials) {
      await this.login(this.credentials)
    }
  }

  private async refreshOrLogin(): Promise<void> {
    const refreshToken = this.held?.refreshToken

    if (!refreshToken) {
      return this.loginWithCredentials()
    }

    try {
      this.adopt(await this.endpoints.refresh(refreshToken))
    } catch (error) {
      if (!isUnauthenticated(error)) {
        throw error // e.g. the network: the refresh token may still be good
      }

      // The login is over (expired, signed out, revoked): only the credentials can start another.
      this.held = null
      this.onSession?.(null)

      if (!this.credentials) {
        throw error
      }

      await this.loginWithCredentials()
    }
  }
}

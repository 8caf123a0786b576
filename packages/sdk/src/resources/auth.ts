import {
  type CurrentCaller,
  CurrentCallerSchema,
  PasswordResetAcceptedSchema,
  type PasswordResetAccepted,
  type TokenResponse,
  TokenResponseSchema,
} from '@smartsteps/contracts'

import type { Credentials, TokenKeeper } from '../auth/token-keeper.js'
import type { Transport } from '../http/transport.js'
import type {
  ChangePasswordInput,
  PasswordResetConfirmInput,
  PasswordResetInput,
} from '../types.js'
import { apiPath } from './paths.js'

/** The calls behind a login, for the token keeper; they carry no Authorization header. */
export function tokenEndpoints(http: () => Transport) {
  return {
    login: (credentials: Credentials) =>
      http().request({
        method: 'POST',
        path: apiPath('auth', 'login'),
        body: { username: credentials.username, password: credentials.password },
        schema: TokenResponseSchema,
        authenticated: false,
      }),
    refresh: (refreshToken: string) =>
      http().request({
        method: 'POST',
        path: apiPath('auth', 'refresh'),
        body: { refresh_token: refreshToken },
        schema: TokenResponseSchema,
        authenticated: false,
      }),
  }
}

/** Signing in and out, and passwords. docs/security/users-and-passwords.md */
export class AuthResource {
  constructor(
    private readonly http: Transport,
    private readonly keeper: TokenKeeper | null,
  ) {}

  /** The current login's latest tokens; null before signing in, after logout, or with an API key. */
  get session(): TokenResponse | null {
    return this.keeper?.session ?? null
  }

  /** Signs in; later calls use (and renew) this login's tokens. */
  login(credentials: Credentials): Promise<TokenResponse> {
    return this.sessions().login(credentials)
  }

  /** Renews the access token now (the SDK also does this by itself when it expires). */
  refresh(): Promise<TokenResponse> {
    return this.sessions().refresh()
  }

  /** Who this client's credential speaks for: user, effective scopes, credential kind, expiry. */
  me(): Promise<CurrentCaller> {
    return this.http.request({
      method: 'GET',
      path: apiPath('auth', 'me'),
      schema: CurrentCallerSchema,
    })
  }

  /** Ends this login on the server and forgets its tokens and any credentials given. */
  async logout(): Promise<void> {
    const keeper = this.sessions()
    const refreshToken = keeper.refreshToken

    if (refreshToken) {
      await this.http.request({
        method: 'POST',
        path: apiPath('auth', 'logout'),
        body: { refresh_token: refreshToken },
        authenticated: false,
      })
    }

    keeper.forget()
  }

  /** Changes the signed-in user's password; every login ends and this client continues in a new one. */
  async changePassword(input: ChangePasswordInput): Promise<TokenResponse> {
    const keeper = this.sessions()
    const tokens = await this.http.request({
      method: 'POST',
      path: apiPath('auth', 'password'),
      body: input,
      schema: TokenResponseSchema,
    })

    keeper.passwordChanged(input.new_password)

    return keeper.adopt(tokens)
  }

  /** Asks for a reset link by username or email; the answer never says whether one matched. */
  requestPasswordReset(input: PasswordResetInput): Promise<PasswordResetAccepted> {
    return this.http.request({
      method: 'POST',
      path: apiPath('auth', 'password', 'reset'),
      body: input,
      schema: PasswordResetAcceptedSchema,
      authenticated: false,
    })
  }

  /** Sets a new password with the token of a reset link; sign in with it afterwards. */
  confirmPasswordReset(input: PasswordResetConfirmInput): Promise<void> {
    return this.http.request({
      method: 'POST',
      path: apiPath('auth', 'password', 'reset', 'confirm'),
      body: input,
      authenticated: false,
    })
  }

  private sessions(): TokenKeeper {
    if (!this.keeper) {
      throw new TypeError('This client authenticates with an API key; it has no login')
    }

    return this.keeper
  }
}

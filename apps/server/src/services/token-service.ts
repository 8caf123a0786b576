import { createHash, randomBytes } from 'node:crypto'

import { errors as joseErrors, jwtVerify, SignJWT } from 'jose'

import type { Role } from '@smartsteps/contracts'

import { type Actor, scopesOf } from '../domain/actor.js'
import { unauthenticated } from '../domain/errors.js'
import { newId } from '../domain/ids.js'
import type { Storage, UserRecord } from '../ports/storage.js'
import type { Authenticator } from './credential-resolver.js'
import { unverifiedIssuer } from './jwt-issuer.js'

export interface TokenSettings {
  secret: Uint8Array
  issuer: string
  audience: string
  accessTtlSeconds: number
  refreshTtlSeconds: number
}

export interface IssuedTokens {
  token: string
  token_type: 'Bearer'
  expires_at: string
  refresh_token: string
  refresh_expires_at: string
  user: { user_id: string; username: string; role: Role }
}

const ALGORITHM = 'HS256'
const ACCESS_TOKEN_TYPE = 'access'

/**
 * How much longer than the configured access TTL a token may have been issued for, and how far
 * ahead its iat may be: room for processes on one store whose settings or clocks differ a
 * little, never for a token anyone signed to last.
 */
const LIFETIME_LEEWAY_SECONDS = 60

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}

/**
 * Access tokens are short-lived JWTs; refresh tokens are opaque random strings stored only as a
 * hash, single-use, rotated on every refresh. Presenting a spent refresh token revokes every
 * token of its family, since it means the token was copied.
 *
 * A family is one login. Access tokens name theirs (`sid`), and stop working the moment it is
 * revoked: by logout, by reuse of a spent refresh token, by a password change or reset.
 */
export function createTokenService(storage: Storage, settings: TokenSettings) {
  async function issue(user: UserRecord, familyId = newId('refreshToken')): Promise<IssuedTokens> {
    const now = Date.now()
    const expiresAt = new Date(now + settings.accessTtlSeconds * 1000)
    const refreshExpiresAt = new Date(now + settings.refreshTtlSeconds * 1000)

    const token = await new SignJWT({
      role: user.role,
      username: user.username,
      typ: ACCESS_TOKEN_TYPE,
      sid: familyId,
    })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(user.user_id)
      .setIssuer(settings.issuer)
      .setAudience(settings.audience)
      .setIssuedAt(Math.floor(now / 1000))
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .setJti(randomBytes(12).toString('hex'))
      .sign(settings.secret)

    const refreshToken = `rt_${randomBytes(32).toString('base64url')}`

    await storage.refreshTokens.create({
      token_id: newId('refreshToken'),
      token_hash: sha256(refreshToken),
      user_id: user.user_id,
      family_id: familyId,
      expires_at: refreshExpiresAt.toISOString(),
      created_at: new Date(now).toISOString(),
      used_at: null,
      revoked_at: null,
    })

    return {
      token,
      token_type: 'Bearer',
      expires_at: expiresAt.toISOString(),
      refresh_token: refreshToken,
      refresh_expires_at: refreshExpiresAt.toISOString(),
      user: { user_id: user.user_id, username: user.username, role: user.role },
    }
  }

  /**
   * Refuses a token that would outlive what this server issues: only someone holding the signing
   * key could have made it, and it would keep working for as long as they chose.
   */
  function refuseOverlongLifetime(issuedAt: number, expiresAt: number): void {
    const longest = settings.accessTtlSeconds + LIFETIME_LEEWAY_SECONDS

    if (expiresAt - issuedAt > longest || issuedAt > Date.now() / 1000 + LIFETIME_LEEWAY_SECONDS) {
      throw unauthenticated('token_invalid', 'Invalid access token')
    }
  }

  /** The actor behind a valid access token, and when the token expires (ms since epoch). */
  async function verifyAccessToken(token: string): Promise<{ actor: Actor; expiresAt: number }> {
    try {
      const { payload } = await jwtVerify(token, settings.secret, {
        algorithms: [ALGORITHM],
        issuer: settings.issuer,
        audience: settings.audience,
        requiredClaims: ['exp', 'iat', 'sub', 'sid'],
      })

      if (payload.typ !== ACCESS_TOKEN_TYPE || typeof payload.sub !== 'string') {
        throw unauthenticated('token_invalid', 'Not an access token')
      }

      // Every token this server signs names its login, so logout and password changes reach it.
      if (typeof payload.sid !== 'string') {
        throw unauthenticated('token_invalid', 'Invalid access token')
      }

      refuseOverlongLifetime(payload.iat!, payload.exp!)

      if (await storage.refreshTokens.isFamilyRevoked(payload.sid)) {
        throw unauthenticated('login_ended', 'This login has ended; sign in again')
      }

      const user = await storage.users.get(payload.sub)

      if (!user || !user.active) {
        throw unauthenticated('account_inactive', 'The account behind this token is not active')
      }

      return {
        actor: {
          userId: user.user_id,
          username: user.username,
          role: user.role,
          scopes: scopesOf(user.role),
          credential: { kind: 'session_token', id: payload.sid },
        },
        expiresAt: payload.exp! * 1000,
      }
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) {
        throw unauthenticated(
          'token_expired',
          'Access token expired; refresh it at /api/v1/auth/refresh',
        )
      }

      if (error instanceof joseErrors.JOSEError) {
        throw unauthenticated('token_invalid', 'Invalid access token')
      }

      throw error
    }
  }

  async function refresh(refreshToken: string): Promise<IssuedTokens> {
    const record = await storage.refreshTokens.getByHash(sha256(refreshToken))
    const now = new Date().toISOString()

    // A family revoked while this token was being rotated has a fresh member nobody revoked.
    if (
      !record ||
      record.revoked_at ||
      record.expires_at <= now ||
      (await storage.refreshTokens.isFamilyRevoked(record.family_id))
    ) {
      throw unauthenticated('login_ended', 'Invalid or expired refresh token')
    }

    if (!(await storage.refreshTokens.markUsed(record.token_id, now))) {
      await storage.refreshTokens.revokeFamily(record.family_id, now)
      throw unauthenticated(
        'login_ended',
        'Refresh token already used; every session of this login is revoked',
      )
    }

    const user = await storage.users.get(record.user_id)

    if (!user || !user.active) {
      throw unauthenticated('account_inactive', 'The account is not active')
    }

    return issue(user, record.family_id)
  }

  /**
   * Ends the login the refresh token belongs to, with its access tokens. Unknown and spent tokens
   * are no error: the caller wants to be signed out, and is.
   */
  async function logout(refreshToken: string): Promise<void> {
    const record = await storage.refreshTokens.getByHash(sha256(refreshToken))

    if (record) {
      await storage.refreshTokens.revokeFamily(record.family_id, new Date().toISOString())
    }
  }

  /** Ends every login of the user. */
  async function revokeAll(userId: string): Promise<void> {
    await storage.refreshTokens.revokeForUser(userId, new Date().toISOString())
  }

  /**
   * Session tokens are the JWTs this server signed, told by their unverified issuer; tokens of an
   * external provider (another issuer) and API keys go to their own authenticators.
   */
  const authenticator: Authenticator = {
    name: 'session_token',
    accepts: (credential) => unverifiedIssuer(credential) === settings.issuer,
    authenticate: (credential) => verifyAccessToken(credential),
  }

  return { issue, verifyAccessToken, refresh, logout, revokeAll, authenticator }
}

export type TokenService = ReturnType<typeof createTokenService>

import type { Scope } from '@smartsteps/contracts'

import { scopesOf } from '../domain/actor.js'
import { forbidden, unauthenticated } from '../domain/errors.js'
import { ipAllowList } from '../domain/ip-allow-list.js'
import type { ApiKeyRecord, Storage } from '../ports/storage.js'
import { hashSecret } from './api-key-secrets.js'
import type { Authenticator, CredentialContext, ResolvedCredential } from './credential-resolver.js'
import type { SignatureVerifier } from './request-signatures.js'

/** What follows the prefix: letters and digits, of any length a past configuration allowed. */
const SECRET_BODY = /^[A-Za-z0-9]{16,256}$/

/** last_used_at is written at most this often per key, so a busy key costs no write per call. */
const LAST_USED_PRECISION_MS = 60_000

/** A secret replaced by a rotation still authenticates, but may no longer manage keys. */
const GRACE_WITHHELD_SCOPES = new Set<Scope>(['keys:write'])

export interface ApiKeyAuthSettings {
  prefix: string
  /** Every API-key request must be signed, whatever the key says. */
  signingRequired: boolean
}

interface Generation {
  signingSecret: string | null
  /** When this secret stops working, in ms since the epoch; Infinity for never. */
  validUntil: number
  previous: boolean
}

function generationOf(record: ApiKeyRecord, secretHash: string): Generation {
  const keyExpiry = record.expires_at ? Date.parse(record.expires_at) : Infinity

  if (record.secret_hash === secretHash) {
    return { signingSecret: record.signing_secret, validUntil: keyExpiry, previous: false }
  }

  return {
    signingSecret: record.previous_signing_secret,
    validUntil: Math.min(keyExpiry, Date.parse(record.previous_expires_at ?? '') || 0),
    previous: true,
  }
}

/**
 * Authenticates `Authorization: Bearer sk_ss_...`. Unknown, revoked, expired and rotated-out
 * secrets are authentication errors; a request from outside the key's IP allow-list is
 * permission_denied. The actor is the key's owner as they are now (role, active), narrowed to
 * the key's scopes.
 */
export function createApiKeyAuthenticator(
  storage: Storage,
  signatures: SignatureVerifier,
  settings: ApiKeyAuthSettings,
) {
  function rejectUnusable(record: ApiKeyRecord, generation: Generation, now: number) {
    if (record.revoked_at) {
      throw unauthenticated('key_revoked', 'This API key has been revoked')
    }

    if (record.expires_at && Date.parse(record.expires_at) <= now) {
      throw unauthenticated('key_expired', `This API key expired at ${record.expires_at}`)
    }

    if (generation.validUntil <= now) {
      throw unauthenticated(
        'key_expired',
        'This API key secret was replaced by a rotation; use the new secret',
      )
    }
  }

  async function checkSignature(
    record: ApiKeyRecord,
    generation: Generation,
    context: CredentialContext,
  ) {
    const parts = context.signature
    const offered = parts?.timestamp !== undefined || parts?.signature !== undefined

    if (!offered && !record.require_signing && !settings.signingRequired) {
      return
    }

    if (!generation.signingSecret) {
      throw unauthenticated(
        'signature_invalid',
        'This API key has no signing secret; create one with signing: true',
      )
    }

    await signatures.verify(record.key_id, generation.signingSecret, {
      timestamp: parts?.timestamp,
      signature: parts?.signature,
      body: parts?.body ?? (async () => new Uint8Array(0)),
    })
  }

  async function authenticate(
    credential: string,
    context: CredentialContext,
  ): Promise<ResolvedCredential> {
    if (!SECRET_BODY.test(credential.slice(settings.prefix.length))) {
      throw unauthenticated('malformed_credential', 'Malformed API key')
    }

    const secretHash = hashSecret(credential)
    const record = await storage.apiKeys.getBySecretHash(secretHash)

    if (!record) {
      throw unauthenticated('key_unknown', 'Unknown API key')
    }

    const now = Date.now()
    const generation = generationOf(record, secretHash)

    rejectUnusable(record, generation, now)

    const owner = await storage.users.get(record.owner_id)

    if (!owner || !owner.active) {
      throw unauthenticated('account_inactive', 'The account this API key belongs to is not active')
    }

    if (record.allowed_ips.length > 0 && !ipAllowList(record.allowed_ips)(context.clientIp)) {
      throw forbidden(
        `This API key may not be used from ${context.clientIp ?? 'an unknown address'}`,
      )
    }

    await checkSignature(record, generation, context)

    if (!record.last_used_at || Date.parse(record.last_used_at) + LAST_USED_PRECISION_MS <= now) {
      await storage.apiKeys.touch(record.key_id, new Date(now).toISOString())
    }

    const scopes = record.scopes.filter(
      (scope) => !generation.previous || !GRACE_WITHHELD_SCOPES.has(scope),
    )

    return {
      actor: {
        userId: owner.user_id,
        username: owner.username,
        role: owner.role,
        scopes: scopesOf(owner.role, scopes),
        credential: { kind: 'api_key', id: record.key_id },
      },
      expiresAt: generation.validUntil,
    }
  }

  /** Whether the key would still authenticate (ignoring IP and signature): live sockets ask. */
  async function isUsable(keyId: string): Promise<boolean> {
    const record = await storage.apiKeys.get(keyId)
    const owner = record ? await storage.users.get(record.owner_id) : null
    const now = Date.now()

    return Boolean(
      record &&
      owner?.active &&
      !record.revoked_at &&
      !(record.expires_at && Date.parse(record.expires_at) <= now),
    )
  }

  const authenticator: Authenticator = {
    name: 'api_key',
    accepts: (credential) => credential.startsWith(settings.prefix),
    authenticate,
  }

  return { authenticator, isUsable }
}

export type ApiKeyAuthenticator = ReturnType<typeof createApiKeyAuthenticator>

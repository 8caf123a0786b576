import type {
  ApiKey,
  ApiKeyListQuery,
  ApiKeyWithSecret,
  CreateApiKeyRequest,
  Pagination,
} from '@smartsteps/contracts'

import type { Actor } from '../domain/actor.js'
import { conflict, DomainError, forbidden, notFound, unauthenticated } from '../domain/errors.js'
import { newId } from '../domain/ids.js'
import type { ApiKeyRecord, Storage } from '../ports/storage.js'
import {
  hashSecret,
  newApiKeySecret,
  newSigningSecret,
  visiblePrefixOf,
} from './api-key-secrets.js'
import { broaderThan, inheritRestrictions } from './api-key-bounds.js'
import { statusOf, toApiKey } from './api-key-view.js'
import { paginationOf, toOffset } from './pagination.js'

const DAY_MS = 86_400_000

export interface ApiKeySettings {
  prefix: string
  length: number
  /** Lifetime of a key created without expires_in_days; null: such keys never expire. */
  defaultLifetimeDays: number | null
  rotationGraceSeconds: number
  /** Every API-key request must be signed, whatever the key says. */
  signingRequired: boolean
}

export type RevocationListener = (keyId: string) => void

function invalid(field: string, reason: string): DomainError {
  return new DomainError('validation_error', 'Invalid body', { issues: [{ field, reason }] })
}

/**
 * Creating, listing, revoking and rotating API keys. A key acts as its owner, never with more
 * than the credential that created it: its scopes must be held by that credential, and a key
 * made with another key is no broader than that one (api-key-bounds.ts). For the same reason a
 * key rotates or revokes only keys no broader than itself: a rotation hands out the target's
 * secret. Only admins see other users' keys; to everyone else they do not exist.
 */
export function createApiKeyService(storage: Storage, settings: ApiKeySettings) {
  const revocationListeners = new Set<RevocationListener>()

  function issueSecrets(signing: boolean) {
    const secret = newApiKeySecret(settings.prefix, settings.length)
    const signingSecret = signing ? newSigningSecret() : null

    return { secret, signingSecret, hash: hashSecret(secret) }
  }

  /** The key the actor authenticated with, if it did with one: it bounds what the actor does. */
  async function actingKey(actor: Actor): Promise<ApiKeyRecord | null> {
    if (actor.credential.kind !== 'api_key' || !actor.credential.id) {
      return null
    }

    const record = await storage.apiKeys.get(actor.credential.id)

    // Keys are revoked, never deleted; a missing one must not mean "no bounds".
    if (!record) {
      throw unauthenticated('key_unknown', 'Unknown API key')
    }

    return record
  }

  /** Expiry for a new key: asked for or default, capped by the creating key's own. */
  function expiryFor(parent: ApiKeyRecord | null, days: number | undefined, now: number) {
    const lifetimeDays = days ?? settings.defaultLifetimeDays
    const asked = lifetimeDays === null ? null : now + lifetimeDays * DAY_MS
    const cap = parent?.expires_at ? Date.parse(parent.expires_at) : null

    return cap === null ? asked : Math.min(asked ?? cap, cap)
  }

  async function create(actor: Actor, request: CreateApiKeyRequest): Promise<ApiKeyWithSecret> {
    const missing = request.scopes.filter((scope) => !actor.scopes.has(scope))

    if (missing.length > 0) {
      throw invalid('scopes', `not granted to the creating credential: ${missing.join(', ')}`)
    }

    const parent = await actingKey(actor)
    const { allowed_ips, signing, require_signing } = parent
      ? inheritRestrictions(request, parent)
      : request

    if (settings.signingRequired && !signing) {
      throw invalid('signing', 'this server requires signed requests, so keys need signing: true')
    }

    const now = Date.now()
    const expiresAt = expiryFor(parent, request.expires_in_days, now)
    const { secret, signingSecret, hash } = issueSecrets(signing)
    const record: ApiKeyRecord = {
      key_id: newId('apiKey'),
      owner_id: actor.userId,
      name: request.name,
      scopes: request.scopes,
      allowed_ips,
      secret_hash: hash,
      secret_prefix: visiblePrefixOf(secret, settings.prefix),
      signing_secret: signingSecret,
      require_signing,
      previous_secret_hash: null,
      previous_signing_secret: null,
      previous_expires_at: null,
      created_at: new Date(now).toISOString(),
      expires_at: expiresAt === null ? null : new Date(expiresAt).toISOString(),
      last_used_at: null,
      revoked_at: null,
    }

    await storage.apiKeys.create(record)

    return withSecrets(record, secret, signingSecret)
  }

  function withSecrets(record: ApiKeyRecord, secret: string, signingSecret: string | null) {
    return {
      ...toApiKey(record),
      secret,
      ...(signingSecret ? { signing_secret: signingSecret } : {}),
    }
  }

  async function list(
    actor: Actor,
    query: ApiKeyListQuery,
  ): Promise<{ keys: ApiKey[]; pagination: Pagination }> {
    if (query.all && actor.role !== 'admin') {
      throw forbidden("Only admins list other users' keys")
    }

    const page = await storage.apiKeys.list({
      ...toOffset(query.page, query.limit),
      ownerId: query.all ? undefined : actor.userId,
    })
    const now = Date.now()

    return {
      keys: page.items.map((record) => toApiKey(record, now)),
      pagination: paginationOf(page.total, query.page, query.limit),
    }
  }

  /**
   * The key if the actor owns it. Admins may act on other users' keys where `adminMay`; to
   * anyone else another user's key does not exist. An API key acts only on keys no broader than
   * itself: rotating a broader one would hand its holder the broader secret, and revoking one
   * would let a narrow key switch off integrations it could never have made.
   */
  async function getManaged(actor: Actor, keyId: string, adminMay: boolean) {
    const record = await storage.apiKeys.get(keyId)
    const owns = record?.owner_id === actor.userId

    if (!record || (!owns && actor.role !== 'admin')) {
      throw notFound('API key')
    }

    if (!owns && !adminMay) {
      throw forbidden(
        'Only the owner rotates a key: its new secret would act as them. Revoke it instead.',
      )
    }

    const acting = await actingKey(actor)
    const excess = acting ? broaderThan(record, acting) : null

    if (excess) {
      throw forbidden(`An API key may rotate or revoke only keys no broader than itself; ${excess}`)
    }

    return record
  }

  /** Revokes at once; revoking a revoked key changes nothing. Admins may revoke any key. */
  async function revoke(actor: Actor, keyId: string): Promise<void> {
    await getManaged(actor, keyId, true)

    if (await storage.apiKeys.revoke(keyId, new Date().toISOString())) {
      for (const listener of revocationListeners) {
        listener(keyId)
      }
    }
  }

  /**
   * A new secret (and signing secret, for a signing key). The replaced pair keeps working for
   * the grace period so callers can switch over; a second rotation ends that grace at once.
   */
  async function rotate(actor: Actor, keyId: string): Promise<ApiKeyWithSecret> {
    const record = await getManaged(actor, keyId, false)
    const status = statusOf(record, Date.now())

    if (status !== 'active') {
      throw conflict(`The key is ${status}; create a new one`)
    }

    const { secret, signingSecret, hash } = issueSecrets(record.signing_secret !== null)
    const graceEnds = Date.now() + settings.rotationGraceSeconds * 1000
    const rotated = await storage.apiKeys.rotate(keyId, record.secret_hash, {
      secret_hash: hash,
      secret_prefix: visiblePrefixOf(secret, settings.prefix),
      signing_secret: signingSecret,
      previous_expires_at: new Date(graceEnds).toISOString(),
    })

    if (!rotated) {
      throw conflict('The key was rotated or revoked meanwhile; list it and try again')
    }

    return withSecrets(rotated, secret, signingSecret)
  }

  /** Calls `listener` with the id of every key revoked from now on, in this process. */
  function onRevoked(listener: RevocationListener): () => void {
    revocationListeners.add(listener)
    return () => revocationListeners.delete(listener)
  }

  return { create, list, revoke, rotate, onRevoked }
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>

import type { CreateApiKeyRequest } from '@smartsteps/contracts'

import { DomainError } from '../domain/errors.js'
import { allowListWithin } from '../domain/ip-range.js'
import type { ApiKeyRecord } from '../ports/storage.js'

/** What limits a key's use, beyond its owner's role. */
export type KeyLimits = Pick<
  ApiKeyRecord,
  'scopes' | 'expires_at' | 'allowed_ips' | 'require_signing'
>

function expiryOf(key: KeyLimits): number {
  return key.expires_at ? Date.parse(key.expires_at) : Infinity
}

/**
 * How `key` could do more than `bound`, or null when it could not: a scope `bound` lacks, a
 * later expiry, an address `bound` may not be used from, or unsigned requests where `bound`
 * needs signed ones. A key is never broader than itself.
 */
export function broaderThan(key: KeyLimits, bound: KeyLimits): string | null {
  const extraScopes = key.scopes.filter((scope) => !bound.scopes.includes(scope))

  if (extraScopes.length > 0) {
    return `it has scopes this key lacks: ${extraScopes.join(', ')}`
  }

  if (expiryOf(key) > expiryOf(bound)) {
    return 'it expires later than this key'
  }

  if (!allowListWithin(key.allowed_ips, bound.allowed_ips)) {
    return "it may be used from addresses outside this key's allow-list"
  }

  if (bound.require_signing && !key.require_signing) {
    return 'it accepts unsigned requests and this key does not'
  }

  return null
}

export interface InheritedRestrictions {
  allowed_ips: string[]
  signing: boolean
  require_signing: boolean
}

/**
 * The allow-list and signing of a key created by the key `parent`, which are never looser than
 * the parent's: without `allowed_ips` the child takes the parent's list, and ranges it names
 * must each lie inside one of the parent's (else 422); a parent that requires signing makes a
 * child that requires it too, and so has a signing secret.
 */
export function inheritRestrictions(
  request: CreateApiKeyRequest,
  parent: KeyLimits,
): InheritedRestrictions {
  const allowedIps = request.allowed_ips.length > 0 ? request.allowed_ips : parent.allowed_ips

  if (!allowListWithin(allowedIps, parent.allowed_ips)) {
    throw new DomainError('validation_error', 'Invalid body', {
      issues: [
        {
          field: 'allowed_ips',
          reason: `each range must lie within the creating key's allow-list: ${parent.allowed_ips.join(', ')}`,
        },
      ],
    })
  }

  return {
    allowed_ips: allowedIps,
    signing: request.signing || parent.require_signing,
    require_signing: request.require_signing || parent.require_signing,
  }
}

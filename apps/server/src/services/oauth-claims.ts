import { type Role, ROLES, UsernameSchema } from '@smartsteps/contracts'
import type { JWTPayload } from 'jose'
import { z } from 'zod'

import { unauthenticated } from '../domain/errors.js'

/** Who a verified provider token speaks for, in Smart Steps' terms. */
export interface ExternalIdentity {
  /** `issuer#sub`: stable across renames at the provider, and unique across providers. */
  subject: string
  username: string
  email: string | null
  /** The role the token names, or null when it names none. */
  role: Role | null
}

export interface ClaimNames {
  username_claim: string
  role_claim: string
}

const EmailSchema = z.email().max(254)

/**
 * A claim by its exact name (namespaced claims such as `https://example.org/role` contain dots),
 * else by a dotted path into nested claims (`realm_access.roles`).
 */
function claim(payload: JWTPayload, name: string): unknown {
  if (name in payload) {
    return payload[name]
  }

  return name
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      payload,
    )
}

/** A role name, or the first role name in a list; anything else names no role. */
function roleIn(value: unknown): Role | null {
  const candidates = Array.isArray(value) ? value : [value]
  return candidates.find((item): item is Role => ROLES.includes(item as Role)) ?? null
}

export function identityOf(payload: JWTPayload, names: ClaimNames): ExternalIdentity {
  const rawUsername = claim(payload, names.username_claim)
  const username = UsernameSchema.safeParse(
    typeof rawUsername === 'string' ? rawUsername.toLowerCase() : rawUsername,
  )

  if (!username.success) {
    throw unauthenticated(
      'token_invalid',
      `The token's ${names.username_claim} claim is not a usable username (3-64 lowercase letters, digits, dot, dash or underscore)`,
    )
  }

  const email = EmailSchema.safeParse(payload.email)

  return {
    subject: `${payload.iss}#${payload.sub}`,
    username: username.data,
    email: email.success ? email.data.toLowerCase() : null,
    role: roleIn(claim(payload, names.role_claim)),
  }
}

import type { RoleName } from '@smartsteps/contracts'
import { z } from 'zod'

import { parseRate, RATE_FORMAT_HINT, type Rate } from '../domain/rate.js'
import { IpRangeListSchema } from './ip-ranges.js'

/** `"100/minute"` in the file, a parsed {@link Rate} in the configuration. */
export const RateSchema = z.string().transform((text, context): Rate => {
  const rate = parseRate(text)

  if (!rate) {
    context.addIssue({
      code: 'custom',
      message: `${RATE_FORMAT_HINT}; got ${JSON.stringify(text)}`,
    })
    return z.NEVER
  }

  return rate
})

const LITERAL_PATH = /^\/[A-Za-z0-9._~/-]*$/

// Checked here rather than as the record's key schema, whose message zod does not pass on.
const EndpointLimitsSchema = z.record(z.string(), RateSchema).superRefine((limits, context) => {
  for (const path of Object.keys(limits).filter((key) => !LITERAL_PATH.test(key))) {
    context.addIssue({
      code: 'custom',
      path: [path],
      message: 'must be a literal request path such as /api/v1/auth/login (no parameters or query)',
    })
  }
})

/**
 * Endpoints limited per client address whatever the configuration says, since they guess
 * passwords or send mail. A configured entry for the same path replaces the one here.
 */
const DEFAULT_ENDPOINT_LIMITS = {
  '/api/v1/auth/login': '20/minute',
  '/api/v1/auth/password/reset': '10/hour',
}

/** By the user's role; a role without an entry gets `default`. */
const RoleRatesSchema = z
  .strictObject({
    default: RateSchema.prefault('1000/hour'),
    admin: RateSchema.prefault('5000/hour'),
    facilitator: RateSchema.optional(),
    supervisor: RateSchema.optional(),
  } satisfies Record<RoleName | 'default', z.ZodType>)
  .prefault({})

/**
 * `security.rate_limiting`, with the reference's keys plus `per_ip`. The tiers, their keys and
 * the fixed windows are described in docs/security/rate-limits-and-headers.md.
 */
export const RateLimitingSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    default_limit: RateSchema.prefault('100/minute').describe(
      'Per client address for requests without a credential; per user for session tokens',
    ),
    per_ip: RateSchema.prefault('1000/minute').describe(
      'Every request and WebSocket upgrade from one address (one /64 for IPv6), before authentication',
    ),
    per_endpoint: EndpointLimitsSchema.default({}).transform((configured) => ({
      ...endpointDefaults(),
      ...configured,
    })),
    per_user: RoleRatesSchema,
    ip_whitelist: IpRangeListSchema.describe('Addresses and networks that are never limited'),
  })
  .prefault({})

function endpointDefaults(): Record<string, Rate> {
  return Object.fromEntries(
    Object.entries(DEFAULT_ENDPOINT_LIMITS).map(([path, text]) => [path, parseRate(text)!]),
  )
}

/** `security.api_keys.rate_limiting`: each API key's own limit, counted by key id. */
export const ApiKeyRateLimitingSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    rate: RateSchema.prefault('1000/minute'),
  })
  .prefault({})

export type RateLimitingConfig = z.infer<typeof RateLimitingSchema>
export type ApiKeyRateLimitingConfig = z.infer<typeof ApiKeyRateLimitingSchema>

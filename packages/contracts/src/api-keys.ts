import { z } from 'zod'

import { PageQuerySchema, PaginationSchema, TimestampSchema } from './common.js'
import { idSchema, UserIdSchema } from './ids.js'
import { SCOPES, ScopeSchema } from './scopes.js'

/** The id an API key is managed by; never the secret. */
export const ApiKeyIdSchema = idSchema('apiKey')

/** The longest lifetime a key may be given, in days (ten years). */
export const API_KEY_MAX_DAYS = 3650

const IP_FORMATS = [z.cidrv4(), z.cidrv6(), z.ipv4(), z.ipv6()]

/**
 * One entry of an API key's IP allow-list: a network in CIDR notation or a single address,
 * IPv4 or IPv6. An IPv4 entry also matches the IPv4-mapped IPv6 form of its addresses
 * (`::ffff:10.0.0.5`), as dual-stack servers report them.
 */
export const IpRangeSchema = z
  .string()
  .max(64)
  .refine(
    (value) => IP_FORMATS.some((format) => format.safeParse(value).success),
    'must be an IPv4 or IPv6 address or CIDR range, e.g. 10.0.0.0/8 or 2001:db8::/32',
  )
  .meta({ example: '10.0.0.0/8' })

export const CreateApiKeyRequestSchema = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .meta({ description: 'What the key is for', example: 'Case-management sync' }),
    scopes: z
      .array(ScopeSchema)
      .min(1)
      .max(SCOPES.length)
      .refine((scopes) => new Set(scopes).size === scopes.length, 'scopes must not repeat')
      .meta({
        description:
          'What the key may do: a subset of the scopes the creating credential holds. Ask for the fewest that work.',
        example: ['sessions:read'],
      }),
    expires_in_days: z.number().int().min(1).max(API_KEY_MAX_DAYS).optional().meta({
      description: "Lifetime in days; default: the server's configured lifetime (90 days)",
    }),
    allowed_ips: z.array(IpRangeSchema).max(50).default([]).meta({
      description:
        'When not empty, the key works only from these addresses or networks. Made with a key that has an allow-list: empty takes that list, and each range must lie within it',
    }),
    signing: z.boolean().default(false).meta({
      description:
        'Also issue a signing secret, shown once, for signing requests (X-Signature); see docs/security/request-signing.md',
    }),
    require_signing: z.boolean().default(false).meta({
      description:
        'Refuse every request with this key that is not signed; needs signing: true. Always true, with a signing secret, for a key made with a key that requires signing',
    }),
  })
  .refine((body) => !body.require_signing || body.signing, {
    message: 'require_signing needs signing: true',
    path: ['require_signing'],
  })
  .meta({ id: 'CreateApiKeyRequest' })

export const ApiKeyStatusSchema = z.enum(['active', 'expired', 'revoked']).meta({
  id: 'ApiKeyStatus',
})

export const ApiKeySchema = z
  .object({
    key_id: ApiKeyIdSchema,
    name: z.string(),
    owner_id: UserIdSchema.meta({ description: 'The user the key acts as' }),
    scopes: z.array(ScopeSchema).meta({
      description: "The key's own scopes; it acts with those its owner's role also grants",
    }),
    allowed_ips: z.array(z.string()),
    secret_prefix: z.string().meta({
      description: 'The first characters of the current secret, to tell keys apart',
      example: 'sk_ss_4fQz',
    }),
    signing: z.boolean().meta({ description: 'true when the key has a signing secret' }),
    require_signing: z.boolean(),
    status: ApiKeyStatusSchema,
    created_at: TimestampSchema,
    expires_at: TimestampSchema.nullable().meta({ description: 'null: the key never expires' }),
    last_used_at: TimestampSchema.nullable().meta({
      description: 'When the key last authenticated a request, to within a minute',
    }),
    revoked_at: TimestampSchema.nullable(),
    previous_secret_expires_at: TimestampSchema.nullable().meta({
      description: 'After a rotation: when the secret it replaced stops working',
    }),
  })
  .meta({ id: 'ApiKey' })

/**
 * A key with its secrets, as answered once by creation and by rotation. The server keeps only
 * a hash of `secret`; neither secret can be read again.
 */
export const ApiKeyWithSecretSchema = ApiKeySchema.extend({
  secret: z.string().meta({
    description: 'The key itself, for `Authorization: Bearer`; shown only in this response',
    example: 'sk_ss_4fQzL0m2Rk9wXc7TbNq1Yp8sVh3JdG6a',
  }),
  signing_secret: z.string().optional().meta({
    description: 'With signing: the HMAC key for X-Signature; shown only in this response',
  }),
}).meta({ id: 'ApiKeyWithSecret' })

export const ApiKeyListQuerySchema = PageQuerySchema.extend({
  all: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .meta({
      param: { name: 'all', in: 'query' },
      description: "Admins only: list every user's keys, not only the caller's",
    }),
})

export const ApiKeyListSchema = z
  .object({ keys: z.array(ApiKeySchema), pagination: PaginationSchema })
  .meta({ id: 'ApiKeyList' })

export type CreateApiKeyRequest = z.infer<typeof CreateApiKeyRequestSchema>
export type ApiKeyStatus = z.infer<typeof ApiKeyStatusSchema>
export type ApiKey = z.infer<typeof ApiKeySchema>
export type ApiKeyWithSecret = z.infer<typeof ApiKeyWithSecretSchema>
export type ApiKeyListQuery = z.infer<typeof ApiKeyListQuerySchema>

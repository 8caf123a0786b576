import { z } from 'zod'

import { ApiKeyRateLimitingSchema } from './rate-limiting.js'

/** security.api_keys: the reference's keys plus how long a rotated-out secret keeps working. */
export const ApiKeysConfigSchema = z
  .strictObject({
    prefix: z
      .string()
      .regex(/^sk_[a-z0-9]{1,16}_$/, 'must be sk_, 1-16 lowercase letters or digits, and _')
      .default('sk_ss_')
      .describe('Starts every key; sk_ keeps keys apart from session tokens'),
    length: z
      .number()
      .int()
      .min(24)
      .max(128)
      .default(32)
      .describe('Random letters and digits after the prefix (32 is about 190 bits)'),
    expiration: z
      .strictObject({
        enabled: z
          .boolean()
          .default(true)
          .describe('false: keys without expires_in_days never expire'),
        days: z.number().int().min(1).max(3650).default(90),
      })
      .prefault({}),
    rotation_grace_seconds: z
      .number()
      .int()
      .min(0)
      .max(30 * 86_400)
      .default(86_400)
      .describe('How long the secret a rotation replaced keeps working'),
    rate_limiting: ApiKeyRateLimitingSchema,
  })
  .prefault({})

/** security.request_signing: HMAC signatures on API-key requests. */
export const RequestSigningConfigSchema = z
  .strictObject({
    required: z
      .boolean()
      .default(false)
      .describe('Every API-key request must be signed, not only those of keys that ask for it'),
    tolerance_seconds: z
      .number()
      .int()
      .min(1)
      .max(3600)
      .default(300)
      .describe('How far X-Signature-Timestamp may be from the server clock'),
  })
  .prefault({})

import { join } from 'node:path'

import { z } from 'zod'

import { PACKAGE_ROOT } from '../package-root.js'
import { ApiKeysConfigSchema, RequestSigningConfigSchema } from './api-keys-schema.js'
import { CorsSchema } from './cors.js'
import { IpRangeListSchema } from './ip-ranges.js'
import { OAuthConfigSchema, refuseSharedIssuer } from './oauth-schema.js'
import { LoginLockoutConfigSchema, PasswordResetConfigSchema } from './passwords-schema.js'
import { RateLimitingSchema } from './rate-limiting.js'
import { SecurityHeadersSchema } from './security-headers.js'

export const DEFAULT_PERSONAS_DIR = join(PACKAGE_ROOT, 'personas')

/**
 * The server configuration. Keys follow the reference's layout (server, storage, security,
 * performance); unknown keys are rejected so a typo never silently falls back to a default.
 */
export const ConfigSchema = z.strictObject({
  server: z
    .strictObject({
      host: z.string().min(1).default('127.0.0.1'),
      port: z.number().int().min(0).max(65_535).default(8543),
      body_limit_bytes: z
        .number()
        .int()
        .min(1024)
        .max(64 * 1024 * 1024)
        .default(1024 * 1024),
      compression: z.boolean().default(true),
      trusted_proxies: IpRangeListSchema.describe(
        'Proxies whose X-Forwarded-For is believed; from anyone else it is ignored',
      ),
      headers_timeout_seconds: z
        .number()
        .int()
        .min(1)
        .max(600)
        .default(60)
        .describe('Time a client has to send the request line and headers'),
      request_timeout_seconds: z
        .number()
        .int()
        .min(1)
        .max(3600)
        .default(60)
        .describe('Time a client has to send the whole request, body included'),
      keep_alive_timeout_seconds: z
        .number()
        .int()
        .min(1)
        .max(600)
        .default(5)
        .describe('How long an idle keep-alive connection is held open for the next request'),
    })
    // Node refuses to start otherwise: the headers are part of the request.
    .refine((server) => server.headers_timeout_seconds <= server.request_timeout_seconds, {
      message: 'must not be more than request_timeout_seconds',
      path: ['headers_timeout_seconds'],
    })
    .prefault({}),
  storage: z
    .strictObject({
      type: z.literal('file').default('file'),
      path: z.string().min(1).default('./data'),
    })
    .prefault({}),
  security: z
    .strictObject({
      jwt: z
        .strictObject({
          secret: z
            .string()
            .min(32, 'must be at least 32 characters')
            .optional()
            .describe('HS256 key; when absent one is generated once into the data directory'),
          issuer: z.string().min(1).default('smartsteps'),
          audience: z.string().min(1).default('smartsteps-api'),
          access_token_ttl_seconds: z.number().int().min(60).max(86_400).default(900),
          refresh_token_ttl_seconds: z
            .number()
            .int()
            .min(300)
            .max(90 * 86_400)
            .default(14 * 86_400),
        })
        .prefault({}),
      api_keys: ApiKeysConfigSchema,
      request_signing: RequestSigningConfigSchema,
      rate_limiting: RateLimitingSchema,
      headers: SecurityHeadersSchema,
      cors: CorsSchema,
      login_lockout: LoginLockoutConfigSchema,
      password_reset: PasswordResetConfigSchema,
      oauth: OAuthConfigSchema,
    })
    .superRefine(refuseSharedIssuer)
    .prefault({}),
  performance: z
    .strictObject({
      persona_context_messages: z.number().int().min(1).max(200).default(12),
    })
    .prefault({}),
  realtime: z
    .strictObject({
      allowed_origins: z
        .array(z.string().url())
        .default([])
        .describe('Browser origins allowed to open /ws; requests without Origin are not browsers'),
      max_frame_bytes: z
        .number()
        .int()
        .min(1024)
        .max(16 * 1024 * 1024)
        .default(64 * 1024),
      heartbeat_seconds: z.number().int().min(1).max(600).default(30),
      ticket_ttl_seconds: z.number().int().min(5).max(600).default(30),
      messages_per_second: z.number().min(0.1).max(10_000).default(10),
      message_burst: z.number().int().min(1).max(10_000).default(30),
      rate_limit_strikes: z
        .number()
        .int()
        .min(1)
        .max(1000)
        .default(20)
        .describe('Rate-limited frames in a row after which the connection is closed with 1008'),
      shed_typing_above_bytes: z
        .number()
        .int()
        .min(1024)
        .default(256 * 1024),
      max_send_buffer_bytes: z
        .number()
        .int()
        .min(4096)
        .default(1024 * 1024),
    })
    .prefault({}),
  personas: z.strictObject({ path: z.string().min(1).default(DEFAULT_PERSONAS_DIR) }).prefault({}),
  logging: z
    .strictObject({
      level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    })
    .prefault({}),
})

export type Config = z.infer<typeof ConfigSchema>
export type ConfigInput = z.input<typeof ConfigSchema>

import { z } from 'zod'

/** security.login_lockout: failed sign-ins per username, counted in storage for every process. */
export const LoginLockoutConfigSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    max_failures: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(5)
      .describe('Failed sign-ins for one username after which further attempts are refused'),
    window_seconds: z
      .number()
      .int()
      .min(60)
      .max(86_400)
      .default(900)
      .describe('How far back failures count; a refusal lasts until the oldest leaves it'),
  })
  .prefault({})

/** security.password_reset: the single-use tokens of POST /api/v1/auth/password/reset. */
export const PasswordResetConfigSchema = z
  .strictObject({
    token_ttl_seconds: z.number().int().min(300).max(86_400).default(1800),
    link_url: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe(
        'The page that completes a reset; the link is this URL with #token=... appended. Absent: the message holds the token alone',
      ),
  })
  .prefault({})

export type LoginLockoutConfig = z.infer<typeof LoginLockoutConfigSchema>
export type PasswordResetConfig = z.infer<typeof PasswordResetConfigSchema>

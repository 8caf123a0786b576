import { ROLES } from '@smartsteps/contracts'
import { z } from 'zod'

/** Hosts a JWKS may be fetched from over plain http: this machine only, for development. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost'])

const REQUIRED_WHEN_ENABLED = ['issuer', 'audience', 'jwks_url'] as const

/**
 * security.oauth: bearer tokens of an external OpenID Connect provider (docs/security/oauth.md).
 * Off by default; when on, the issuer, audience and key set URL are required.
 */
export const OAuthConfigSchema = z
  .strictObject({
    enabled: z.boolean().default(false),
    issuer: z.string().min(1).optional().describe('The exact `iss` of the provider’s tokens'),
    audience: z.string().min(1).optional().describe('The `aud` tokens must carry for this API'),
    jwks_url: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe('The provider’s key set; https unless on this machine'),
    username_claim: z.string().min(1).default('preferred_username'),
    role_claim: z
      .string()
      .min(1)
      .default('smartsteps_role')
      .describe('A claim holding a role name, or a list whose first role name counts'),
    default_role: z.enum(ROLES).default('facilitator'),
    jwks_cache_seconds: z.number().int().min(60).max(86_400).default(600),
    jwks_cooldown_seconds: z
      .number()
      .int()
      .min(1)
      .max(3600)
      .default(30)
      .describe('After a key set fetch, how long an unknown kid waits before another fetch'),
    clock_tolerance_seconds: z.number().int().min(0).max(300).default(30),
  })
  .superRefine((oauth, context) => {
    if (!oauth.enabled) {
      return
    }

    for (const key of REQUIRED_WHEN_ENABLED.filter((key) => oauth[key] === undefined)) {
      context.addIssue({ code: 'custom', path: [key], message: 'required when enabled is true' })
    }

    // Refinements run even when jwks_url itself failed; its own issue already says why.
    const url = URL.canParse(oauth.jwks_url ?? '') ? new URL(oauth.jwks_url!) : null

    if (url?.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
      context.addIssue({
        code: 'custom',
        path: ['jwks_url'],
        message: 'must be https: keys fetched in the clear could be swapped for an attacker’s',
      })
    }
  })
  .prefault({})

export type OAuthConfig = z.infer<typeof OAuthConfigSchema>

/** The settings of an enabled provider, with the keys the schema requires when enabled. */
export type OAuthSettings = OAuthConfig & { issuer: string; audience: string; jwks_url: string }

export function enabledOAuth(oauth: OAuthConfig): OAuthSettings | null {
  return oauth.enabled ? (oauth as OAuthSettings) : null
}

/**
 * Tokens are told apart by their unverified `iss`: the provider's must differ from the one
 * Smart Steps signs its own session tokens with.
 */
export function refuseSharedIssuer(
  security: { jwt: { issuer: string }; oauth: OAuthConfig },
  context: z.RefinementCtx,
) {
  if (security.oauth.enabled && security.oauth.issuer === security.jwt.issuer) {
    context.addIssue({
      code: 'custom',
      path: ['oauth', 'issuer'],
      message: 'must differ from security.jwt.issuer, which marks Smart Steps’ own tokens',
    })
  }
}

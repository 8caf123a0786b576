import { z } from 'zod'

import { ApiKeyIdSchema } from './api-keys.js'
import { RoleSchema } from './auth.js'
import { TimestampSchema } from './common.js'
import { UserIdSchema } from './ids.js'
import { ScopeSchema } from './scopes.js'

export const CredentialKindSchema = z.enum(['session_token', 'api_key', 'oauth_token']).meta({
  id: 'CredentialKind',
  description:
    'session_token: an access token from /auth/login; api_key: an sk_ss_ key; oauth_token: a token of the external OpenID Connect provider',
})

/** GET /api/v1/auth/me: who the credential of the request speaks for, and what it may do. */
export const CurrentCallerSchema = z
  .object({
    user_id: UserIdSchema,
    username: z.string(),
    email: z.string(),
    role: RoleSchema,
    scopes: z.array(ScopeSchema).meta({
      description: "What this credential may do: the role's scopes, narrowed by an API key's own",
    }),
    credential: z.object({
      kind: CredentialKindSchema,
      key_id: ApiKeyIdSchema.optional().meta({ description: 'Only for api_key' }),
    }),
    expires_at: TimestampSchema.nullable().meta({
      description: 'When this credential stops working; null when it does not expire',
    }),
  })
  .meta({ id: 'CurrentCaller' })

export type CredentialKind = z.infer<typeof CredentialKindSchema>
export type CurrentCaller = z.infer<typeof CurrentCallerSchema>

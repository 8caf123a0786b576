import { z } from 'zod'

import { TimestampSchema } from './common.js'
import { UserIdSchema } from './ids.js'
import { ROLES } from './scopes.js'

export const RoleSchema = z.enum(ROLES).meta({
  id: 'Role',
  description:
    'admin manages users and sees everything; facilitator runs sessions with their own clients; supervisor reads every client and session and runs analysis.',
})

export const LoginRequestSchema = z
  .strictObject({
    username: z.string().min(1).max(64).meta({ example: 'admin' }),
    password: z.string().min(1).max(1024),
  })
  .meta({ id: 'LoginRequest' })

export const RefreshRequestSchema = z
  .strictObject({ refresh_token: z.string().min(1).max(512) })
  .meta({ id: 'RefreshRequest' })

/** Ends the login the refresh token belongs to: every token rotated from it stops working. */
export const LogoutRequestSchema = z
  .strictObject({ refresh_token: z.string().min(1).max(512) })
  .meta({ id: 'LogoutRequest' })

export const TokenResponseSchema = z
  .object({
    token: z.string().meta({ description: 'Access token (JWT) for the Authorization header' }),
    token_type: z.literal('Bearer'),
    expires_at: TimestampSchema,
    refresh_token: z
      .string()
      .meta({ description: 'Opaque, single-use token that buys a new pair at /auth/refresh' }),
    refresh_expires_at: TimestampSchema,
    user: z.object({ user_id: UserIdSchema, username: z.string(), role: RoleSchema }),
  })
  .meta({ id: 'TokenResponse' })

export type Role = z.infer<typeof RoleSchema>
export type LoginRequest = z.infer<typeof LoginRequestSchema>
export type TokenResponse = z.infer<typeof TokenResponseSchema>

import { z } from 'zod'

import { RoleSchema } from './auth.js'
import { PageQuerySchema, PaginationSchema, TimestampSchema } from './common.js'
import { UserIdSchema } from './ids.js'
import { NewPasswordSchema } from './passwords.js'

export const UsernameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, '3-64 lowercase letters, digits, dot, dash or underscore')
  .meta({ example: 'j.smith' })

export const CreateUserRequestSchema = z
  .strictObject({
    username: UsernameSchema,
    email: z.email().max(254),
    password: NewPasswordSchema,
    role: RoleSchema.default('facilitator'),
  })
  .meta({ id: 'CreateUserRequest' })

/**
 * What an admin may change about a user; everything else (id, username, password, how they
 * sign in) is refused as an unknown field. Deactivating a user ends their sessions at once.
 */
export const UpdateUserRequestSchema = z
  .strictObject({
    email: z.email().max(254).optional(),
    role: RoleSchema.optional(),
    active: z.boolean().optional().meta({
      description: 'false deactivates: the account stays, but none of its credentials work',
    }),
  })
  .refine((body) => Object.keys(body).length > 0, 'at least one field must be given')
  .meta({ id: 'UpdateUserRequest' })

export const AuthSourceSchema = z.enum(['password', 'oauth']).meta({
  id: 'AuthSource',
  description:
    'password: signs in at /auth/login; oauth: an account of the external OpenID Connect provider, with no Smart Steps password',
})

export const UserSchema = z
  .object({
    user_id: UserIdSchema,
    username: z.string(),
    email: z.string(),
    role: RoleSchema,
    active: z.boolean(),
    auth_source: AuthSourceSchema,
    created_at: TimestampSchema,
  })
  .meta({ id: 'User' })

export const UserListQuerySchema = PageQuerySchema

export const UserListSchema = z
  .object({
    users: z.array(UserSchema),
    pagination: PaginationSchema,
  })
  .meta({ id: 'UserList' })

export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>
export type UpdateUserRequest = z.infer<typeof UpdateUserRequestSchema>
export type AuthSource = z.infer<typeof AuthSourceSchema>
export type User = z.infer<typeof UserSchema>
export type UserListQuery = z.infer<typeof UserListQuerySchema>

import { z } from 'zod'

import { RoleSchema } from './auth.js'
import { TimestampSchema } from './common.js'
import { UserIdSchema } from './ids.js'

export const PASSWORD_MIN_LENGTH = 12

export const UsernameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, '3-64 lowercase letters, digits, dot, dash or underscore')
  .meta({ example: 'j.smith' })

export const CreateUserRequestSchema = z
  .strictObject({
    username: UsernameSchema,
    email: z.email().max(254),
    password: z.string().min(PASSWORD_MIN_LENGTH).max(1024),
    role: RoleSchema.default('facilitator'),
  })
  .meta({ id: 'CreateUserRequest' })

export const UserSchema = z
  .object({
    user_id: UserIdSchema,
    username: z.string(),
    email: z.string(),
    role: RoleSchema,
    active: z.boolean(),
    created_at: TimestampSchema,
  })
  .meta({ id: 'User' })

export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>
export type User = z.infer<typeof UserSchema>

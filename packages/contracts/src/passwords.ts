import { z } from 'zod'

export const PASSWORD_MIN_LENGTH = 12

/** How many different characters a new password needs, letter case aside. */
export const PASSWORD_MIN_DISTINCT_CHARACTERS = 5

/**
 * A password being set. The server also refuses one that is only whitespace, has fewer than
 * PASSWORD_MIN_DISTINCT_CHARACTERS different characters, equals the username, or is among the
 * passwords guessers try first; every rule answers 422 validation_error naming the field and
 * the rule.
 */
export const NewPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH)
  .max(1024)
  .meta({
    description: `At least ${PASSWORD_MIN_LENGTH} characters, not only whitespace, at least ${PASSWORD_MIN_DISTINCT_CHARACTERS} different characters, not the username, and not a commonly used password`,
    example: 'plum-orbit-kettle-42',
  })

/** Changing one's own password needs a session from /auth/login and the current password. */
export const ChangePasswordRequestSchema = z
  .strictObject({
    current_password: z.string().min(1).max(1024),
    new_password: NewPasswordSchema,
  })
  .meta({ id: 'ChangePasswordRequest' })

/**
 * Asks for a reset link for the account with this username or this email; exactly one of the
 * two. The answer is the same whether or not such an account exists.
 *
 * @example { "email": "j.smith@example.org" }
 */
export const PasswordResetRequestSchema = z
  .strictObject({
    username: z.string().min(1).max(64).optional().meta({ example: 'j.smith' }),
    email: z.email().max(254).optional(),
  })
  .refine((body) => (body.username === undefined) !== (body.email === undefined), {
    message: 'give exactly one of username and email',
  })
  .meta({ id: 'PasswordResetRequest' })

export const PasswordResetAcceptedSchema = z
  .object({
    status: z.literal('accepted'),
    message: z.string().meta({
      example: 'If an account matches, a reset link has been sent to its email address',
    }),
  })
  .meta({ id: 'PasswordResetAccepted' })

export const PasswordResetConfirmRequestSchema = z
  .strictObject({
    token: z.string().min(1).max(512).meta({ description: 'The token from the reset link' }),
    new_password: NewPasswordSchema,
  })
  .meta({ id: 'PasswordResetConfirmRequest' })

export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequestSchema>
export type PasswordResetRequest = z.infer<typeof PasswordResetRequestSchema>
export type PasswordResetAccepted = z.infer<typeof PasswordResetAcceptedSchema>
export type PasswordResetConfirmRequest = z.infer<typeof PasswordResetConfirmRequestSchema>

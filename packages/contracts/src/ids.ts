import { z } from 'zod'

/**
 * Every id Smart Steps issues starts with a prefix naming its kind, followed by an underscore
 * and 26 lowercase Crockford base32 characters (10 of time, 16 of randomness). The strict
 * pattern means an id can never carry a path separator, a dot or any other character that
 * could escape a storage location.
 *
 * @example 'ses_01jf3v9k2m8q4r7t1w5x6y9z0a'
 */
export const ID_PREFIXES = {
  user: 'usr',
  client: 'cli',
  session: 'ses',
  message: 'msg',
  note: 'not',
  request: 'req',
  refreshToken: 'rft',
  apiKey: 'key',
} as const

export type IdKind = keyof typeof ID_PREFIXES

export const ID_BODY_PATTERN = '[0-9a-hjkmnp-tv-z]{26}'

/** The zod schema accepting exactly the ids of one kind. */
export function idSchema(kind: IdKind) {
  const prefix = ID_PREFIXES[kind]
  return z
    .string()
    .regex(new RegExp(`^${prefix}_${ID_BODY_PATTERN}$`), `must be a ${kind} id (${prefix}_...)`)
    .meta({ example: `${prefix}_01jf3v9k2m8q4r7t1w5x6y9z0a` })
}

export const UserIdSchema = idSchema('user')
export const ClientIdSchema = idSchema('client')
export const SessionIdSchema = idSchema('session')
export const MessageIdSchema = idSchema('message')
export const NoteIdSchema = idSchema('note')

/** Persona ids are chosen by whoever writes the persona file: lowercase snake case. */
export const PersonaIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{2,63}$/, 'must be lowercase letters, digits and underscores')
  .meta({ example: 'dr_morgan_hayes' })

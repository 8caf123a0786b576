import { z } from 'zod'

import {
  DateSchema,
  MetadataSchema,
  PageQuerySchema,
  PaginationSchema,
  TimestampSchema,
} from './common.js'
import { ClientIdSchema, UserIdSchema } from './ids.js'

const NameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^\P{Cc}*$/u, 'must not contain control characters')

/** A date of birth: a real calendar date, not in the future and not before 1900. */
const BirthDateSchema = DateSchema.refine(
  (date) => date >= '1900-01-01' && date <= new Date().toISOString().slice(0, 10),
  'must be between 1900-01-01 and today',
)
const PhoneSchema = z
  .string()
  .regex(/^\+?[0-9 ()-]{5,32}$/, 'digits, spaces, parentheses, dashes, optional leading +')
  .meta({ example: '+44 20 7946 0958' })

export const CreateClientRequestSchema = z
  .strictObject({
    first_name: NameSchema.meta({ example: 'Sam' }),
    last_name: NameSchema.meta({ example: 'Taylor' }),
    email: z.email().max(254).optional(),
    phone: PhoneSchema.optional(),
    date_of_birth: BirthDateSchema.optional(),
    metadata: MetadataSchema.optional(),
  })
  .meta({ id: 'CreateClientRequest' })

/** Every field optional; `null` clears an optional field. At least one field is required. */
export const UpdateClientRequestSchema = z
  .strictObject({
    first_name: NameSchema.optional(),
    last_name: NameSchema.optional(),
    email: z.email().max(254).nullable().optional(),
    phone: PhoneSchema.nullable().optional(),
    date_of_birth: BirthDateSchema.nullable().optional(),
    metadata: MetadataSchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'at least one field must be given')
  .meta({ id: 'UpdateClientRequest' })

export const ClientSchema = z
  .object({
    client_id: ClientIdSchema,
    first_name: z.string(),
    last_name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    date_of_birth: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()),
    created_at: TimestampSchema,
    created_by: UserIdSchema,
    updated_at: TimestampSchema,
  })
  .meta({ id: 'Client' })

export const ClientDetailSchema = ClientSchema.extend({
  session_count: z.object({
    total: z.number().int(),
    completed: z.number().int(),
    scheduled: z.number().int(),
  }),
}).meta({ id: 'ClientDetail' })

export const ClientListQuerySchema = PageQuerySchema.extend({
  search: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .meta({
      param: { name: 'search', in: 'query' },
      description: 'Case-insensitive match anywhere in first name, last name or email',
    }),
})

export const ClientListSchema = z
  .object({
    clients: z.array(ClientSchema),
    pagination: PaginationSchema,
  })
  .meta({ id: 'ClientList' })

export type CreateClientRequest = z.infer<typeof CreateClientRequestSchema>
export type UpdateClientRequest = z.infer<typeof UpdateClientRequestSchema>
export type Client = z.infer<typeof ClientSchema>
export type ClientDetail = z.infer<typeof ClientDetailSchema>
export type ClientListQuery = z.infer<typeof ClientListQuerySchema>

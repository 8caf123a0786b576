import { z } from 'zod'

import { TimestampSchema } from './common.js'
import { NoteIdSchema, UserIdSchema } from './ids.js'

export const CreateNoteRequestSchema = z
  .strictObject({ content: z.string().trim().min(1).max(10_000) })
  .meta({ id: 'CreateNoteRequest' })

export const NoteSchema = z
  .object({
    id: NoteIdSchema,
    content: z.string(),
    timestamp: TimestampSchema,
    author: UserIdSchema.meta({ description: 'user_id of the facilitator who wrote it' }),
  })
  .meta({ id: 'FacilitatorNote' })

export const NoteListSchema = z
  .object({ notes: z.array(NoteSchema).meta({ description: 'Oldest first' }) })
  .meta({ id: 'FacilitatorNoteList' })

export type CreateNoteRequest = z.infer<typeof CreateNoteRequestSchema>
export type Note = z.infer<typeof NoteSchema>

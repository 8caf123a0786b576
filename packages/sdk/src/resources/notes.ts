import { type Note, NoteSchema } from '@smartsteps/contracts'

import type { Transport } from '../http/transport.js'
import type { CreateNoteInput } from '../types.js'
import { apiPath } from './paths.js'

/** Facilitator notes; they are read back with the session (`facilitator_notes`). */
export class NotesResource {
  constructor(private readonly http: Transport) {}

  create(sessionId: string, input: CreateNoteInput): Promise<Note> {
    return this.http.request({
      method: 'POST',
      path: apiPath('sessions', sessionId, 'notes'),
      body: input,
      schema: NoteSchema,
    })
  }
}

import { type Note, NoteListSchema, NoteSchema } from '@smartsteps/contracts'

import type { Transport } from '../http/transport.js'
import type { CreateNoteInput } from '../types.js'
import { apiPath } from './paths.js'

/** Facilitator notes on a session. */
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

  /** Every note of the session, oldest first. */
  async list(sessionId: string): Promise<Note[]> {
    const listed = await this.http.request({
      method: 'GET',
      path: apiPath('sessions', sessionId, 'notes'),
      schema: NoteListSchema,
    })

    return listed.notes
  }
}

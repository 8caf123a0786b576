import type { CreateNoteRequest, Note } from '@smartsteps/contracts'

import type { Actor } from '../domain/actor.js'
import { newId } from '../domain/ids.js'
import type { Storage } from '../ports/storage.js'
import type { SessionService } from './session-service.js'

export function createNoteService(storage: Storage, sessions: SessionService) {
  async function add(actor: Actor, sessionId: string, request: CreateNoteRequest): Promise<Note> {
    await sessions.getVisible(actor, sessionId)

    const note: Note = {
      id: newId('note'),
      content: request.content,
      timestamp: new Date().toISOString(),
      author: actor.userId,
    }

    await storage.notes.add({ ...note, session_id: sessionId })

    return note
  }

  async function list(actor: Actor, sessionId: string): Promise<Note[]> {
    await sessions.getVisible(actor, sessionId)

    const stored = await storage.notes.list(sessionId)

    return stored.map(({ id, content, timestamp, author }) => ({ id, content, timestamp, author }))
  }

  return { add, list }
}

export type NoteService = ReturnType<typeof createNoteService>

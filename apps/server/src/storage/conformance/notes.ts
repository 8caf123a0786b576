import { describe, expect, it } from 'vitest'

import { newId } from '../../domain/ids.js'
import { DuplicateKeyError } from '../../ports/storage.js'
import { noteRecord, tick } from '../fixtures.js'
import { type CurrentStorage, storeSession } from './harness.js'

export function describeNotes(storage: CurrentStorage) {
  describe('notes', () => {
    it('lists a session’s notes oldest first, ties broken by id', async () => {
      const session = await storeSession(storage())
      const other = await storeSession(storage())
      const first = noteRecord(session.session_id, { content: 'first' })
      const second = noteRecord(session.session_id, { content: 'second' })
      const tiedAt = tick()
      const tied = [newId('note'), newId('note')]
        .sort()
        .map((id) => noteRecord(session.session_id, { id, timestamp: tiedAt }))

      for (const note of [tied[1]!, second, tied[0]!, first, noteRecord(other.session_id)]) {
        await storage().notes.add(note)
      }

      expect(await storage().notes.list(session.session_id)).toEqual([first, second, ...tied])
      expect(await storage().notes.list(newId('session'))).toEqual([])
    })

    it('rejects a taken note id', async () => {
      const session = await storeSession(storage())
      const note = noteRecord(session.session_id)
      await storage().notes.add(note)

      await expect(storage().notes.add({ ...note, content: 'changed' })).rejects.toBeInstanceOf(
        DuplicateKeyError,
      )
      expect(await storage().notes.list(session.session_id)).toEqual([note])
    })
  })
}

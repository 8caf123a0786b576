import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { Storage } from '../ports/storage.js'
import { describeApiKeys } from './conformance/api-keys.js'
import { describeClients } from './conformance/clients.js'
import { describeLoginAttempts } from './conformance/login-attempts.js'
import { describeMessages } from './conformance/messages.js'
import { describeNotes } from './conformance/notes.js'
import { describePasswordResets } from './conformance/password-resets.js'
import { describeRefreshTokens } from './conformance/refresh-tokens.js'
import { describeSessions } from './conformance/sessions.js'
import { describeUsers } from './conformance/users.js'

export interface OpenedStorage {
  storage: Storage
  cleanup(): Promise<void>
}

/**
 * The behaviour every storage adapter must show, as a vitest suite. Call it from the adapter's
 * own test file with a function that opens a fresh, empty store; it runs once per test.
 *
 * @example
 * describeStorageConformance('sqlite', async () => {
 *   const dataDir = await mkdtemp(join(tmpdir(), 'store-'))
 *   const storage = createSqliteStorage({ dataDir })
 *   return { storage, cleanup: async () => { await storage.close(); await rm(dataDir, { recursive: true }) } }
 * })
 */
export function describeStorageConformance(
  adapterName: string,
  open: () => Promise<OpenedStorage>,
) {
  describe(`storage conformance: ${adapterName}`, () => {
    let opened: OpenedStorage | undefined

    beforeEach(async () => {
      opened = await open()
    })

    afterEach(async () => {
      await opened?.cleanup()
      opened = undefined
    })

    function storage(): Storage {
      if (!opened) {
        throw new Error('the store is only open inside a test')
      }

      return opened.storage
    }

    describeUsers(storage)
    describeClients(storage)
    describeSessions(storage)
    describeMessages(storage)
    describeNotes(storage)
    describeRefreshTokens(storage)
    describeApiKeys(storage)
    describePasswordResets(storage)
    describeLoginAttempts(storage)

    it('answers ping while open', async () => {
      await expect(storage().ping()).resolves.toBeUndefined()
    })
  })
}

import type { ClientRecord, SessionRecord, Storage } from '../../ports/storage.js'
import { clientRecord, sessionRecord, tick } from '../fixtures.js'

/** The store of the running test; each test gets a fresh one. */
export type CurrentStorage = () => Storage

/** Stores a client and one session of it, active unless the overrides say otherwise. */
export async function storeSession(
  storage: Storage,
  overrides: Partial<SessionRecord> = {},
  client: ClientRecord = clientRecord('usr_owner'),
): Promise<SessionRecord> {
  const session = sessionRecord(client, { status: 'active', started_at: tick(), ...overrides })

  if (!(await storage.clients.get(client.client_id))) {
    await storage.clients.create(client)
  }

  await storage.sessions.create(session)

  return session
}

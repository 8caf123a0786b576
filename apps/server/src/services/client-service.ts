import type {
  Client,
  ClientDetail,
  ClientListQuery,
  CreateClientRequest,
  Pagination,
  UpdateClientRequest,
} from '@smartsteps/contracts'

import { type Actor, canSee, ownerFilter } from '../domain/actor.js'
import { notFound } from '../domain/errors.js'
import { newId } from '../domain/ids.js'
import type { ClientRecord, SessionRecord, Storage } from '../ports/storage.js'
import { paginationOf, toOffset } from './pagination.js'

/** Called with the sessions a client deletion took with it, as they were just before. */
export type SessionsDeletedListener = (sessions: SessionRecord[]) => void

export function createClientService(storage: Storage) {
  const deletionListeners = new Set<SessionsDeletedListener>()

  /** The client, if the actor may see it; otherwise not found, so existence is not disclosed. */
  async function getVisible(actor: Actor, clientId: string): Promise<ClientRecord> {
    const client = await storage.clients.get(clientId)

    if (!client || !canSee(actor, client)) {
      throw notFound('Client')
    }

    return client
  }

  async function create(actor: Actor, request: CreateClientRequest): Promise<Client> {
    const now = new Date().toISOString()
    const record: ClientRecord = {
      client_id: newId('client'),
      first_name: request.first_name,
      last_name: request.last_name,
      email: request.email ?? null,
      phone: request.phone ?? null,
      date_of_birth: request.date_of_birth ?? null,
      metadata: request.metadata ?? {},
      created_at: now,
      created_by: actor.userId,
      updated_at: now,
    }

    await storage.clients.create(record)

    return record
  }

  async function list(
    actor: Actor,
    query: ClientListQuery,
  ): Promise<{ clients: Client[]; pagination: Pagination }> {
    const page = await storage.clients.list({
      ...toOffset(query.page, query.limit),
      createdBy: ownerFilter(actor),
      search: query.search,
    })

    return { clients: page.items, pagination: paginationOf(page.total, query.page, query.limit) }
  }

  async function get(actor: Actor, clientId: string): Promise<ClientDetail> {
    const client = await getVisible(actor, clientId)
    // Counted as the session listing shows them: an admin's session on a facilitator's client
    // is not the facilitator's to see, so it is not theirs to count either.
    const sessionCount = await storage.clients.sessionCounts(clientId, ownerFilter(actor))

    return { ...client, session_count: sessionCount }
  }

  async function update(actor: Actor, clientId: string, request: UpdateClientRequest) {
    await getVisible(actor, clientId)

    const updated = await storage.clients.update(clientId, {
      ...request,
      updated_at: new Date().toISOString(),
    })

    if (!updated) {
      throw notFound('Client')
    }

    return updated
  }

  async function remove(actor: Actor, clientId: string): Promise<void> {
    await getVisible(actor, clientId)

    // Read first: the delete cascades to the sessions, and their live followers must hear of it.
    const sessions = await storage.sessions.listByClient(clientId)

    if (!(await storage.clients.delete(clientId))) {
      throw notFound('Client')
    }

    for (const listener of deletionListeners) {
      listener(sessions)
    }
  }

  /** Calls `listener` after every client deletion in this process, with the sessions it took. */
  function onSessionsDeleted(listener: SessionsDeletedListener): () => void {
    deletionListeners.add(listener)
    return () => deletionListeners.delete(listener)
  }

  return { getVisible, create, list, get, update, remove, onSessionsDeleted }
}

export type ClientService = ReturnType<typeof createClientService>

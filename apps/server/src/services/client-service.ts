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
import type { ClientRecord, Storage } from '../ports/storage.js'
import { paginationOf, toOffset } from './pagination.js'

export function createClientService(storage: Storage) {
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
    const sessionCount = await storage.clients.sessionCounts(clientId)

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

    if (!(await storage.clients.delete(clientId))) {
      throw notFound('Client')
    }
  }

  return { getVisible, create, list, get, update, remove }
}

export type ClientService = ReturnType<typeof createClientService>

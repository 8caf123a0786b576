import {
  type Client,
  type ClientDetail,
  ClientDetailSchema,
  ClientListSchema,
  ClientSchema,
} from '@smartsteps/contracts'

import type { Transport } from '../http/transport.js'
import { everyItem } from '../pagination/page-iterator.js'
import type {
  ClientList,
  ClientListOptions,
  CreateClientInput,
  UpdateClientInput,
} from '../types.js'
import { apiPath } from './paths.js'

/** The people sessions are held with. */
export class ClientsResource {
  constructor(private readonly http: Transport) {}

  create(input: CreateClientInput): Promise<Client> {
    return this.http.request({
      method: 'POST',
      path: apiPath('clients'),
      body: input,
      schema: ClientSchema,
    })
  }

  /** One page of the clients the caller may see, newest first; `search` matches names and email. */
  list(options: ClientListOptions = {}): Promise<ClientList> {
    return this.http.request({
      method: 'GET',
      path: apiPath('clients'),
      query: options,
      schema: ClientListSchema,
    })
  }

  /** Every matching client, reading page after page. */
  iterate(options: Omit<ClientListOptions, 'page'> = {}): AsyncGenerator<Client, void, undefined> {
    return everyItem(
      async (page) => {
        const { clients, pagination } = await this.list({ ...options, page })
        return { items: clients, pagination }
      },
      (client) => client.client_id,
    )
  }

  get(clientId: string): Promise<ClientDetail> {
    return this.http.request({
      method: 'GET',
      path: apiPath('clients', clientId),
      schema: ClientDetailSchema,
    })
  }

  /** Changes the fields given; `null` clears an optional one. */
  update(clientId: string, input: UpdateClientInput): Promise<Client> {
    return this.http.request({
      method: 'PATCH',
      path: apiPath('clients', clientId),
      body: input,
      schema: ClientSchema,
    })
  }

  /** Erases the client with every session, message and note: irreversible. */
  delete(clientId: string): Promise<void> {
    return this.http.request({ method: 'DELETE', path: apiPath('clients', clientId) })
  }
}

import {
  type Session,
  type SessionDetail,
  SessionDetailSchema,
  SessionListSchema,
  SessionSchema,
} from '@smartsteps/contracts'

import type { Transport } from '../http/transport.js'
import { everyItem } from '../pagination/page-iterator.js'
import type { CreateSessionInput, SessionList, SessionListOptions } from '../types.js'
import { apiPath } from './paths.js'

/** Sessions of a client with a persona: scheduled -> active -> completed, or cancelled. */
export class SessionsResource {
  constructor(private readonly http: Transport) {}

  create(input: CreateSessionInput): Promise<Session> {
    return this.http.request({
      method: 'POST',
      path: apiPath('sessions'),
      body: input,
      schema: SessionSchema,
    })
  }

  /** One page, newest scheduled first; filter by `client_id` and by `status` (any of a list). */
  list(options: SessionListOptions = {}): Promise<SessionList> {
    return this.http.request({
      method: 'GET',
      path: apiPath('sessions'),
      query: options,
      schema: SessionListSchema,
    })
  }

  iterate(
    options: Omit<SessionListOptions, 'page'> = {},
  ): AsyncGenerator<Session, void, undefined> {
    return everyItem(
      async (page) => {
        const { sessions, pagination } = await this.list({ ...options, page })
        return { items: sessions, pagination }
      },
      (session) => session.session_id,
    )
  }

  /** The session with its first 200 messages, notes, insights and summary. */
  get(sessionId: string): Promise<SessionDetail> {
    return this.http.request({
      method: 'GET',
      path: apiPath('sessions', sessionId),
      schema: SessionDetailSchema,
    })
  }

  /** scheduled -> active. */
  start(sessionId: string): Promise<Session> {
    return this.transition(sessionId, 'start')
  }

  /** active -> completed; the summary and insights are written as it ends. */
  end(sessionId: string): Promise<Session> {
    return this.transition(sessionId, 'end')
  }

  /** scheduled or active -> cancelled. */
  cancel(sessionId: string): Promise<Session> {
    return this.transition(sessionId, 'cancel')
  }

  private transition(sessionId: string, action: 'start' | 'end' | 'cancel'): Promise<Session> {
    return this.http.request({
      method: 'POST',
      path: apiPath('sessions', sessionId, action),
      schema: SessionSchema,
    })
  }
}

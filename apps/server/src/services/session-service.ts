import type {
  CreateSessionRequest,
  Pagination,
  Session,
  SessionDetail,
  SessionListQuery,
  SessionStatus,
} from '@smartsteps/contracts'

import { type Actor, canSee, ownerFilter } from '../domain/actor.js'
import { conflict, notFound } from '../domain/errors.js'
import { newId } from '../domain/ids.js'
import type { EventBus } from '../ports/event-bus.js'
import type { SessionRecord, SessionTransition, Storage } from '../ports/storage.js'
import type { ClientService } from './client-service.js'
import { paginationOf, toOffset } from './pagination.js'
import type { PersonaRegistry } from './persona-registry.js'

export const DETAIL_MESSAGE_LIMIT = 200

export const NO_RISK = { flagged: false, categories: [], first_flagged_at: null, message_ids: [] }

export function toSession(record: SessionRecord): Session {
  const { summary: _summary, insights: _insights, ...session } = record
  return session
}

/** Which statuses each action may start from; everything else is a conflict. */
const TRANSITIONS = {
  start: { from: ['scheduled'], to: 'active' },
  end: { from: ['active'], to: 'completed' },
  cancel: { from: ['scheduled', 'active'], to: 'cancelled' },
} as const satisfies Record<string, { from: SessionStatus[]; to: SessionStatus }>

export type SessionAction = keyof typeof TRANSITIONS

export interface SessionServiceDeps {
  storage: Storage
  bus: EventBus
  clients: ClientService
  personas: PersonaRegistry
  /** Runs after a session completes, e.g. to write its summary. Failures must not undo the end. */
  onCompleted?: (session: SessionRecord) => Promise<void>
}

export function createSessionService({
  storage,
  bus,
  clients,
  personas,
  onCompleted,
}: SessionServiceDeps) {
  async function getVisible(actor: Actor, sessionId: string): Promise<SessionRecord> {
    const session = await storage.sessions.get(sessionId)

    if (!session || !canSee(actor, session)) {
      throw notFound('Session')
    }

    return session
  }

  async function create(actor: Actor, request: CreateSessionRequest): Promise<Session> {
    await clients.getVisible(actor, request.client_id)
    personas.get(request.persona_id)

    const now = new Date().toISOString()
    const record: SessionRecord = {
      session_id: newId('session'),
      client_id: request.client_id,
      persona_id: request.persona_id,
      status: 'scheduled',
      goals: request.goals,
      duration_minutes: request.duration_minutes,
      scheduled_at: request.scheduled_at ? new Date(request.scheduled_at).toISOString() : now,
      started_at: null,
      ended_at: null,
      created_at: now,
      created_by: actor.userId,
      updated_at: now,
      message_count: 0,
      risk: NO_RISK,
      summary: null,
      insights: [],
      metadata: request.metadata ?? {},
    }

    await storage.sessions.create(record)

    return toSession(record)
  }

  async function list(
    actor: Actor,
    query: SessionListQuery,
  ): Promise<{ sessions: Session[]; pagination: Pagination }> {
    const page = await storage.sessions.list({
      ...toOffset(query.page, query.limit),
      createdBy: ownerFilter(actor),
      clientId: query.client_id,
      statuses: query.status,
    })

    return {
      sessions: page.items.map(toSession),
      pagination: paginationOf(page.total, query.page, query.limit),
    }
  }

  async function detail(actor: Actor, sessionId: string): Promise<SessionDetail> {
    const session = await getVisible(actor, sessionId)
    const [messages, notes] = await Promise.all([
      storage.messages.list(sessionId, { limit: DETAIL_MESSAGE_LIMIT }),
      storage.notes.list(sessionId),
    ])

    return {
      ...toSession(session),
      summary: session.summary,
      insights: session.insights,
      messages,
      facilitator_notes: notes.map(({ session_id: _sessionId, ...note }) => note),
    }
  }

  async function transition(actor: Actor, sessionId: string, action: SessionAction) {
    await getVisible(actor, sessionId)

    const rule = TRANSITIONS[action]
    const at = new Date().toISOString()
    const change: SessionTransition = { from: [...rule.from], to: rule.to, at }

    if (action === 'start') {
      change.started_at = at
    } else {
      change.ended_at = at
    }

    const result = await storage.sessions.transition(sessionId, change)

    if (!result.ok && result.reason === 'not_found') {
      throw notFound('Session')
    }

    if (!result.ok) {
      throw conflict(`Cannot ${action} a session that is ${result.current}`, {
        current_status: result.current,
        allowed_from: rule.from,
      })
    }

    await bus.publish(sessionId, {
      type: 'session_update',
      data: {
        session_id: sessionId,
        status: result.session.status,
        started_at: result.session.started_at,
        ended_at: result.session.ended_at,
      },
    })

    if (result.session.status === 'completed' && onCompleted) {
      await onCompleted(result.session)
      return toSession((await storage.sessions.get(sessionId)) ?? result.session)
    }

    return toSession(result.session)
  }

  return { getVisible, create, list, detail, transition }
}

export type SessionService = ReturnType<typeof createSessionService>

import type { Logger } from '../logger.js'
import type { EventBus, SessionEventInput } from '../ports/event-bus.js'
import type { SessionRecord } from '../ports/storage.js'
import type { ClientService } from '../services/client-service.js'

/**
 * The last event of a deleted session. One that had not ended is reported cancelled, ended now:
 * it will never go on, and clients that predate `deleted` already stop on cancelled.
 */
function deletionOf(session: SessionRecord, at: string): SessionEventInput {
  const ended = session.status === 'completed' || session.status === 'cancelled'

  return {
    type: 'session_update',
    data: {
      session_id: session.session_id,
      status: ended ? session.status : 'cancelled',
      started_at: session.started_at,
      ended_at: session.ended_at ?? at,
      deleted: true,
    },
  }
}

/**
 * Publishes a `deleted` session_update for every session a client deletion took with it, so
 * sockets following one are told and stop following it. Returns the unsubscribe.
 */
export function announceSessionDeletions(
  clients: Pick<ClientService, 'onSessionsDeleted'>,
  bus: EventBus,
  logger: Logger,
): () => void {
  return clients.onSessionsDeleted((sessions) => {
    const at = new Date().toISOString()

    for (const session of sessions) {
      bus.publish(session.session_id, deletionOf(session, at)).catch((error: unknown) => {
        logger.error({ err: error, session_id: session.session_id }, 'deletion not announced')
      })
    }
  })
}

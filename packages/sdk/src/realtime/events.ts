import type { NewMessageData, SessionUpdateData, TypingData } from '@smartsteps/contracts'

import type { SmartStepsRealtimeError, SmartStepsResponseError } from '../errors/index.js'
import type { ResyncData } from '../types.js'

/** What a realtime connection emits; subscribe with `connection.on(name, listener)`. */
export interface RealtimeEvents {
  /** A message in a joined session, sent over REST or WebSocket, by anyone (you included). */
  new_message: NewMessageData
  /** A status change of a joined session; `deleted: true` is its last event. */
  session_update: SessionUpdateData
  /** Someone started or stopped typing; ephemeral, never replayed. */
  typing_indicator: TypingData
  /** Missed events are out of reach: reload the session over REST. */
  resync: ResyncData
  /** An error frame that answers no pending call (a persona reply that failed), or a frame off the contract. */
  error: SmartStepsRealtimeError | SmartStepsResponseError
  /** The socket dropped; `willReconnect` says whether the SDK is reconnecting. */
  disconnected: { code: number; reason: string; willReconnect: boolean }
  /** The socket is back and every joined session has been rejoined from its last seq. */
  reconnected: { attempt: number; sessions: string[] }
  /** The connection is over for good: closed by you, or reconnecting gave up. */
  closed: { code: number; reason: string }
}

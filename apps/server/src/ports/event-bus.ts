import type { NewMessageData, SessionUpdateData, TypingData } from '@smartsteps/contracts'

/** What happens in a session, as every listener on any instance sees it. */
export type SessionEvent =
  | { type: 'session_update'; data: SessionUpdateData }
  | { type: 'new_message'; data: NewMessageData }
  | { type: 'typing_indicator'; data: TypingData }

type WithoutSeq<T> = T extends { type: infer Type; data: infer Data }
  ? { type: Type; data: Omit<Data, 'seq'> }
  : never

/** An event before the bus numbered it. */
export type SessionEventInput = WithoutSeq<SessionEvent>

export type ReplayResult =
  { ok: true; events: SessionEvent[]; latestSeq: number } | { ok: false; latestSeq: number }

export type SessionListener = (event: SessionEvent) => void

/**
 * Publish/subscribe per session. Durable events (session_update, new_message) get the next
 * sequence number of their session and stay replayable for a while; typing indicators carry
 * the latest number and are delivered only to whoever listens at that moment. The in-process
 * adapter serves one instance; a Redis adapter carries the same events between instances.
 */
export interface EventBus {
  publish(sessionId: string, event: SessionEventInput): Promise<SessionEvent>
  subscribe(sessionId: string, listener: SessionListener): Promise<() => void>
  /** Durable events after `afterSeq`, oldest first, or not ok when some are no longer kept. */
  replay(sessionId: string, afterSeq: number): Promise<ReplayResult>
  latestSeq(sessionId: string): Promise<number>
  close(): Promise<void>
}

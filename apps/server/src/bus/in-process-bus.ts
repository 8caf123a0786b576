import type {
  EventBus,
  SessionEvent,
  SessionEventInput,
  SessionListener,
} from '../ports/event-bus.js'

export interface InProcessBusOptions {
  /** Durable events kept per session for replay after a reconnect. */
  replayEvents?: number
  /** Sessions whose history is kept; the least recently active are forgotten first. */
  maxSessions?: number
}

interface SessionChannel {
  seq: number
  history: SessionEvent[]
  listeners: Set<SessionListener>
}

/**
 * Where a session's numbering starts: microseconds since the epoch. A session's history that
 * was forgotten (restart, eviction) starts again above every number handed out before, so a
 * client resuming from an old number is told to resync instead of being sent unrelated events.
 */
function sequenceBase(): number {
  return Date.now() * 1000
}

/**
 * The bus for a single instance. Listeners are called synchronously in publish order, so every
 * subscriber sees a session's events in sequence order.
 */
export function createInProcessBus(options: InProcessBusOptions = {}): EventBus {
  const replayEvents = options.replayEvents ?? 500
  const maxSessions = options.maxSessions ?? 10_000
  const channels = new Map<string, SessionChannel>()

  function channel(sessionId: string): SessionChannel {
    let found = channels.get(sessionId)

    if (found) {
      // Map order doubles as recency order: re-inserting moves the session to the end.
      channels.delete(sessionId)
    } else {
      found = { seq: sequenceBase(), history: [], listeners: new Set() }
    }

    channels.set(sessionId, found)
    evictIdle()

    return found
  }

  function evictIdle() {
    for (const [sessionId, candidate] of channels) {
      if (channels.size <= maxSessions) {
        return
      }

      if (candidate.listeners.size === 0) {
        channels.delete(sessionId)
      }
    }
  }

  function deliver(target: SessionChannel, event: SessionEvent) {
    for (const listener of [...target.listeners]) {
      try {
        listener(event)
      } catch {
        // A failing listener must not keep the event from the others.
      }
    }
  }

  return {
    async publish(sessionId, input: SessionEventInput) {
      const target = channel(sessionId)

      if (input.type === 'typing_indicator') {
        const event = { type: input.type, data: { ...input.data, seq: target.seq } } as SessionEvent
        deliver(target, event)
        return event
      }

      target.seq += 1

      const event = { type: input.type, data: { ...input.data, seq: target.seq } } as SessionEvent

      target.history.push(event)

      if (target.history.length > replayEvents) {
        target.history.splice(0, target.history.length - replayEvents)
      }

      deliver(target, event)

      return event
    },
    async subscribe(sessionId, listener) {
      const target = channel(sessionId)
      target.listeners.add(listener)

      return () => {
        target.listeners.delete(listener)
      }
    },
    async replay(sessionId, afterSeq) {
      const target = channel(sessionId)
      const latestSeq = target.seq

      if (afterSeq > latestSeq) {
        return { ok: false, latestSeq }
      }

      if (afterSeq === latestSeq) {
        return { ok: true, events: [], latestSeq }
      }

      const oldestKept = target.history[0]?.data.seq ?? latestSeq + 1

      if (afterSeq + 1 < oldestKept) {
        return { ok: false, latestSeq }
      }

      return {
        ok: true,
        events: target.history.filter((event) => event.data.seq > afterSeq),
        latestSeq,
      }
    },
    async latestSeq(sessionId) {
      return channel(sessionId).seq
    },
    async close() {
      channels.clear()
    },
  }
}

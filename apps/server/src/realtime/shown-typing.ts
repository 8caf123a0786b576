import type { TypingIndicator } from '../services/typing-service.js'

/**
 * The typing indicators one socket turned on and has not turned off. Others would see them stuck
 * on if the socket left the session or dropped without a final `is_typing: false`, so the
 * connection takes them back for it.
 */
export function createShownTyping() {
  const shown = new Map<string, TypingIndicator>()
  const keyOf = (indicator: TypingIndicator) => `${indicator.session_id}/${indicator.sender_type}`

  function take(matches: (indicator: TypingIndicator) => boolean): TypingIndicator[] {
    const taken = [...shown.values()].filter(matches)
    taken.forEach((indicator) => shown.delete(keyOf(indicator)))
    return taken
  }

  return {
    record(indicator: TypingIndicator, isTyping: boolean) {
      if (isTyping) {
        shown.set(keyOf(indicator), indicator)
      } else {
        shown.delete(keyOf(indicator))
      }
    },
    /** Forgets and returns the indicators still on in one session. */
    takeSession(sessionId: string): TypingIndicator[] {
      return take((indicator) => indicator.session_id === sessionId)
    },
    /** Forgets and returns every indicator still on. */
    takeAll(): TypingIndicator[] {
      return take(() => true)
    },
  }
}

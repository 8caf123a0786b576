/** Conversations shorter than this stay one session: two turns per part is the least that reads. */
export const MIN_TURNS_TO_SPLIT = 6

export const MAX_SESSIONS_PER_CLIENT = 3

/**
 * Splits a conversation's turns into consecutive parts of near-equal size, earlier parts taking
 * the remainder, so the progress report sees several sessions of one client. A conversation
 * with fewer than `minTurns` turns stays whole.
 *
 * @example splitIntoSessions(['a', 'b', 'c', 'd', 'e', 'f', 'g']) // [['a','b','c'], ['d','e'], ['f','g']]
 */
export function splitIntoSessions<T>(
  turns: readonly T[],
  maxSessions = MAX_SESSIONS_PER_CLIENT,
  minTurns = MIN_TURNS_TO_SPLIT,
): T[][] {
  if (turns.length === 0) {
    return []
  }

  const parts = turns.length >= minTurns ? maxSessions : 1
  const base = Math.floor(turns.length / parts)
  const remainder = turns.length % parts
  const sessions: T[][] = []
  let start = 0

  for (let part = 0; part < parts; part++) {
    const size = base + (part < remainder ? 1 : 0)
    sessions.push(turns.slice(start, start + size))
    start += size
  }

  return sessions
}

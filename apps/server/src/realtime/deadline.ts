/** The longest delay setTimeout honours; a longer one fires at once (with a warning). */
const MAX_TIMER_MS = 2 ** 31 - 1

/**
 * Calls `callback` at `at` (ms since the epoch), however far away: API keys live for months,
 * beyond what one timer can wait. `Infinity` never fires. Returns the cancel function.
 */
export function atDeadline(at: number, callback: () => void): () => void {
  let timer: NodeJS.Timeout | undefined

  function arm() {
    const remaining = Math.max(0, at - Date.now())

    timer = setTimeout(remaining > MAX_TIMER_MS ? arm : callback, Math.min(remaining, MAX_TIMER_MS))
    timer.unref()
  }

  if (at !== Infinity) {
    arm()
  }

  return () => clearTimeout(timer)
}

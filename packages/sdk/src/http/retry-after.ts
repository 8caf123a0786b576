/** Retry-After in seconds, from its delay-seconds form or its HTTP-date form; null if absent. */
export function retryAfterSecondsOf(headers: Headers): number | null {
  const value = headers.get('retry-after')?.trim()

  if (!value) {
    return null
  }

  if (/^\d+$/.test(value)) {
    return Number(value)
  }

  const date = Date.parse(value)

  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000))
}

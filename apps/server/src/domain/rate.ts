/** A number of requests allowed per window, as configured: `"100/minute"`. */
export interface Rate {
  limit: number
  windowMs: number
  /** The configured text, for messages and logs. */
  text: string
}

const UNIT_MS = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
} as const

const RATE = /^([1-9]\d{0,8})\/(second|minute|hour|day)$/

export const RATE_FORMAT_HINT =
  'must look like "100/minute": a whole number from 1, a slash, and one of second, minute, hour, day'

/**
 * Parses `"N/second"`, `"N/minute"`, `"N/hour"` or `"N/day"`, and nothing looser: no spaces,
 * plurals or abbreviations, so a typo is a configuration error rather than a different limit.
 *
 * @example
 * parseRate('20/minute') // { limit: 20, windowMs: 60000, text: '20/minute' }
 * parseRate('20 per minute') // null
 */
export function parseRate(text: string): Rate | null {
  const match = RATE.exec(text)

  if (!match) {
    return null
  }

  return { limit: Number(match[1]), windowMs: UNIT_MS[match[2] as keyof typeof UNIT_MS], text }
}

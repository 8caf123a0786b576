/** One key's counting window after a hit. */
export interface RateLimitWindow {
  /** Hits in the current window, this one included. */
  count: number
  /** When the window closes and counting starts again, in ms since the epoch. */
  resetAt: number
}

/**
 * Where rate-limit counters live: in process now, in Redis once several instances share the
 * limits. Windows are fixed: the first hit on a key opens a window of `windowMs`, every hit until
 * it closes adds one, and the next hit after it opens a new one. Every adapter passes
 * `rate-limits/conformance.ts`.
 */
export interface RateLimitStore {
  /**
   * Counts one hit on `key` and answers the window it landed in. Atomic: of any number of
   * concurrent hits on one window, each sees a different count, from 1 upwards.
   */
  hit(key: string, windowMs: number): Promise<RateLimitWindow>
  close(): Promise<void>
}

export interface ReconnectOptions {
  /** Attempts before giving up and emitting `closed` (default 10). */
  maxAttempts?: number
  /** Wait before the first attempt (default 250 ms); it doubles with each attempt... */
  initialDelayMs?: number
  /** ...up to this (default 10 000 ms). */
  maxDelayMs?: number
}

/** The wait before reconnect attempt `attempt` (1-based): doubling, capped, with jitter. */
export function reconnectDelay(attempt: number, options: Required<ReconnectOptions>): number {
  const ceiling = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** (attempt - 1))

  // Half fixed, half random: a server restart is not met by every client at the same instant.
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2)
}

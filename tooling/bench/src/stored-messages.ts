import type { LoadResult, LoadSettings } from './load.js'

export interface StoredMessages {
  found: number
  /** Seeded messages plus what the 2xx answers account for, persona replies included. */
  accounted: number
  /** Requests still in flight when a run stopped are stored but never counted by the load tool. */
  inFlightAllowance: number
  ok: boolean
}

/**
 * Checks that message ingestion lost nothing: the session must hold at least every message
 * the server acknowledged, and no more than those plus what could have been in flight when
 * each run (warm-up and measured) stopped.
 */
export function checkStoredMessages(
  found: number,
  seeded: number,
  facilitator: LoadResult,
  client: LoadResult,
  settings: LoadSettings,
): StoredMessages {
  const runs = settings.warmupSeconds > 0 ? 2 : 1
  const accounted = seeded + facilitator.accepted + 2 * client.accepted
  // A facilitator request stores one message, a client request two.
  const inFlightAllowance = settings.connections * runs * (1 + 2)

  return {
    found,
    accounted,
    inFlightAllowance,
    ok: found >= accounted && found <= accounted + inFlightAllowance,
  }
}

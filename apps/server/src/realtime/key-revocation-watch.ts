import { REALTIME_CLOSE_CODES } from '@smartsteps/contracts'
import type { WebSocket } from 'ws'

import type { Actor } from '../domain/actor.js'
import type { Logger } from '../logger.js'

/** How often sockets check that their key still works, for revocations this process missed. */
const RECHECK_INTERVAL_MS = 60_000

export interface KeyRevocationSource {
  /** Calls the listener with each key revoked in this process; returns the unsubscribe. */
  onRevoked(listener: (keyId: string) => void): () => void
  isUsable(keyId: string): Promise<boolean>
}

/**
 * Closes the sockets opened with an API key (directly or through a ticket) once the key stops
 * working, with 4401 like an expired token: at once when it is revoked in this process, and
 * within a minute when another process sharing the store revokes it or its owner is
 * deactivated.
 */
export function watchKeyRevocations(
  source: KeyRevocationSource,
  logger: Logger,
  recheckIntervalMs = RECHECK_INTERVAL_MS,
) {
  const socketsByKey = new Map<string, Set<WebSocket>>()

  function closeSocketsOf(keyId: string) {
    for (const socket of socketsByKey.get(keyId) ?? []) {
      socket.close(REALTIME_CLOSE_CODES.credentialsExpired, 'credential revoked')
    }

    socketsByKey.delete(keyId)
  }

  async function recheck() {
    for (const keyId of [...socketsByKey.keys()]) {
      try {
        if (!(await source.isUsable(keyId))) {
          closeSocketsOf(keyId)
        }
      } catch (error) {
        // A store that cannot answer right now is no reason to drop live sessions.
        logger.warn({ err: error, key_id: keyId }, 'api key recheck failed')
      }
    }
  }

  const stopListening = source.onRevoked(closeSocketsOf)
  const timer = setInterval(() => void recheck(), recheckIntervalMs)

  timer.unref()

  return {
    track(socket: WebSocket, actor: Actor) {
      const keyId = actor.credential.kind === 'api_key' ? actor.credential.id : null

      if (!keyId) {
        return
      }

      const sockets = socketsByKey.get(keyId) ?? new Set<WebSocket>()

      sockets.add(socket)
      socketsByKey.set(keyId, sockets)
      socket.once('close', () => {
        sockets.delete(socket)

        if (sockets.size === 0 && socketsByKey.get(keyId) === sockets) {
          socketsByKey.delete(keyId)
        }
      })
    },
    stop() {
      stopListening()
      clearInterval(timer)
    },
  }
}

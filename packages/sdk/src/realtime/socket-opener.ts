import { type RealtimeTicket, RealtimeTicketSchema } from '@smartsteps/contracts'

import { realtimeUrlOf } from '../base-url.js'
import { SmartStepsError } from '../errors/index.js'
import type { Transport } from '../http/transport.js'
import { loadWs } from './load-ws.js'
import { openPlain, openWithHeaders } from './open-socket.js'
import {
  type NodeSocketConstructor,
  REALTIME_SUBPROTOCOL,
  type SocketLike,
  type WebSocketConstructor,
} from './socket.js'

export interface OpenerOptions {
  /**
   * header: `Authorization` (and signature) headers on the upgrade; needs the `ws` package.
   * ticket: a single-use ticket from POST /realtime/tickets, as browsers must.
   * Default: ticket when a WebSocket class is given or global, header otherwise (Node 20).
   */
  auth?: 'header' | 'ticket'
  /** Where a ticket goes: the subprotocol (default, kept out of URLs and logs) or `?ticket=`. */
  ticketIn?: 'protocol' | 'query'
  /** The WebSocket class to use instead of the global one (or `ws` where there is none). */
  WebSocket?: WebSocketConstructor
}

export function requestTicket(http: Transport): Promise<RealtimeTicket> {
  return http.request({
    method: 'POST',
    path: '/api/v1/realtime/tickets',
    schema: RealtimeTicketSchema,
  })
}

function globalWebSocket(): WebSocketConstructor | undefined {
  return (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket
}

/** A function that opens a fresh, authenticated socket each time it is called. */
export function socketOpener(
  http: Transport,
  options: OpenerOptions,
  timeoutMs: number,
): () => Promise<SocketLike> {
  const url = realtimeUrlOf(http.baseUrl)
  const given = options.WebSocket ?? globalWebSocket()
  const auth = options.auth ?? (given ? 'ticket' : 'header')

  if (auth === 'ticket') {
    return async () => {
      const WebSocket = given ?? ((await loadWs()) as unknown as WebSocketConstructor)
      const { ticket } = await requestTicket(http)

      return options.ticketIn === 'query'
        ? openPlain(
            WebSocket,
            `${url}?ticket=${encodeURIComponent(ticket)}`,
            [REALTIME_SUBPROTOCOL],
            timeoutMs,
          )
        : openPlain(WebSocket, url, [REALTIME_SUBPROTOCOL, `ticket.${ticket}`], timeoutMs)
    }
  }

  async function openOnce(WebSocket: NodeSocketConstructor, credential: string | null) {
    const headers: Record<string, string> = {}

    if (credential) {
      headers.authorization = `Bearer ${credential}`
      // The upgrade has no body: a signing key signs the timestamp alone.
      Object.assign(headers, await http.signer?.headers(''))
    }

    return openWithHeaders(WebSocket, url, [REALTIME_SUBPROTOCOL], headers, timeoutMs)
  }

  return async () => {
    const WebSocket = (given as unknown as NodeSocketConstructor | undefined) ?? (await loadWs())
    const credential = await http.authorizer.bearer()

    try {
      return await openOnce(WebSocket, credential)
    } catch (error) {
      const refused = error instanceof SmartStepsError && error.status === 401

      if (refused && credential !== null && (await http.authorizer.recover(credential, error))) {
        return openOnce(WebSocket, await http.authorizer.bearer())
      }

      throw error
    }
  }
}

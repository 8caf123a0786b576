import type { RealtimeTicket } from '@smartsteps/contracts'

import type { Transport } from '../http/transport.js'
import type { ReconnectOptions } from './backoff.js'
import { RealtimeConnection } from './connection.js'
import { type OpenerOptions, requestTicket, socketOpener } from './socket-opener.js'

export interface ConnectOptions extends OpenerOptions {
  /** Reconnect after a drop and rejoin every session from its last seq (default true). */
  reconnect?: boolean | ReconnectOptions
  /** How long a call waits for its ack (default 10 000 ms); also bounds opening a socket. */
  ackTimeoutMs?: number
}

const RECONNECT_DEFAULTS: Required<ReconnectOptions> = {
  maxAttempts: 10,
  initialDelayMs: 250,
  maxDelayMs: 10_000,
}

/** Live sessions over WebSocket. docs/realtime.md */
export class RealtimeResource {
  constructor(private readonly http: Transport) {}

  /** A single-use ticket to open the socket where headers cannot be set (browsers). */
  ticket(): Promise<RealtimeTicket> {
    return requestTicket(this.http)
  }

  /** Opens a connection; resolves once the socket is open. */
  async connect(options: ConnectOptions = {}): Promise<RealtimeConnection> {
    const ackTimeoutMs = options.ackTimeoutMs ?? 10_000
    const reconnect =
      options.reconnect === false
        ? null
        : { ...RECONNECT_DEFAULTS, ...(options.reconnect === true ? {} : options.reconnect) }
    const connection = new RealtimeConnection(socketOpener(this.http, options, ackTimeoutMs), {
      ackTimeoutMs,
      reconnect,
      validateFrames: this.http.validateResponses,
    })

    await connection.start()

    return connection
  }
}

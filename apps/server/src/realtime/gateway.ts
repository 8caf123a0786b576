import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'

import type { ErrorCode } from '@smartsteps/contracts'
import { WebSocketServer, type WebSocket } from 'ws'

import type { Services } from '../composition.js'
import type { Config } from '../config/schema.js'
import { requestIdFor } from '../domain/request-id.js'
import type { Logger } from '../logger.js'
import { handleConnection } from './connection.js'
import { watchKeyRevocations } from './key-revocation-watch.js'
import { announceSessionDeletions } from './session-deletions.js'
import { authenticateUpgrade, selectProtocol } from './upgrade-auth.js'
import { limitUpgrade } from './upgrade-rate-limit.js'

export const REALTIME_PATH = '/ws'

const REFUSALS: Record<number, { text: string; code: ErrorCode }> = {
  401: { text: 'Unauthorized', code: 'authentication_error' },
  403: { text: 'Forbidden', code: 'permission_denied' },
  404: { text: 'Not Found', code: 'resource_not_found' },
  429: { text: 'Too Many Requests', code: 'rate_limited' },
  500: { text: 'Internal Server Error', code: 'internal_error' },
  503: { text: 'Service Unavailable', code: 'service_unavailable' },
}

function firstValue(header: string | string[] | undefined): string | undefined {
  return Array.isArray(header) ? header[0] : header
}

/**
 * Answers a refused upgrade with a plain HTTP response in the REST error envelope, carrying a
 * request id like every REST answer; no 101 is ever sent.
 */
function refuse(
  socket: Duplex,
  requestId: string,
  status: keyof typeof REFUSALS,
  reason: string,
  extraHeaders: string[] = [],
  details?: Record<string, unknown>,
) {
  if (!socket.writable) {
    return socket.destroy()
  }

  const { text, code } = REFUSALS[status]!
  const body = JSON.stringify({
    error: { code, message: reason, ...(details ? { details } : {}), request_id: requestId },
  })

  socket.end(
    [
      `HTTP/1.1 ${status} ${text}`,
      'Connection: close',
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(body)}`,
      `X-Request-Id: ${requestId}`,
      ...extraHeaders,
      '',
      body,
    ].join('\r\n'),
  )
}

export interface RealtimeGateway {
  close(): Promise<void>
}

/**
 * The WebSocket endpoint on the HTTP server's port. Origins and credentials are checked before
 * the upgrade; live sockets are pinged every heartbeat and dropped when they miss one.
 */
export function attachRealtimeGateway(
  server: Server,
  services: Services,
  config: Config['realtime'],
  logger: Logger,
): RealtimeGateway {
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: config.max_frame_bytes,
    handleProtocols: selectProtocol,
    perMessageDeflate: false,
  })
  const alive = new WeakSet<WebSocket>()
  const revocations = watchKeyRevocations(
    { onRevoked: services.apiKeys.onRevoked, isUsable: services.apiKeyAuth.isUsable },
    logger,
  )
  const stopAnnouncingDeletions = announceSessionDeletions(services.clients, services.bus, logger)
  const allowedOrigins = new Set(config.allowed_origins.map((origin) => new URL(origin).origin))

  async function onUpgrade(
    request: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    requestId: string,
  ) {
    socket.on('error', () => socket.destroy())

    // Logged with the request id the client sees; the reason never holds the credential.
    const deny = (
      status: keyof typeof REFUSALS,
      reason: string,
      headers: string[] = [],
      details?: Record<string, unknown>,
    ) => {
      logger.info({ request_id: requestId, status, reason }, 'upgrade refused')
      refuse(socket, requestId, status, reason, headers, details)
    }

    const path = new URL(request.url ?? '/', 'http://localhost').pathname

    if (path !== REALTIME_PATH) {
      return deny(404, `No WebSocket endpoint at ${path}; use ${REALTIME_PATH}`)
    }

    const forwardedFor = request.headers['x-forwarded-for']
    const clientIp = services.clientAddresses(
      request.socket.remoteAddress,
      Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor,
    )
    const limited = await limitUpgrade(services.rateLimiter, clientIp, logger)

    if (limited) {
      return deny(429, limited.reason, limited.headers)
    }

    const origin = request.headers.origin

    if (origin !== undefined && !allowedOrigins.has(origin)) {
      return deny(403, 'Origin not allowed')
    }

    const credential = await authenticateUpgrade(
      request,
      services.credentials,
      services.tickets,
      clientIp,
      services.standing,
    )

    if (credential.ok && !credential.actor.scopes.has('realtime:connect')) {
      return deny(403, 'This credential lacks the realtime:connect scope')
    }

    if (!credential.ok) {
      const challenge =
        credential.status === 401 ? ['WWW-Authenticate: Bearer realm="smartsteps"'] : []
      return deny(credential.status, credential.reason, challenge, credential.details)
    }

    sockets.handleUpgrade(request, socket, head, (webSocket) => {
      alive.add(webSocket)
      webSocket.on('pong', () => alive.add(webSocket))
      webSocket.on('error', () => webSocket.terminate())
      revocations.track(webSocket, credential.actor)

      const opened = Date.now()
      const who = { request_id: requestId, user_id: credential.actor.userId }

      logger.info({ ...who, credential: credential.actor.credential.kind }, 'socket opened')
      webSocket.once('close', (code) =>
        logger.info({ ...who, code, open_seconds: (Date.now() - opened) / 1000 }, 'socket closed'),
      )

      handleConnection({
        socket: webSocket,
        actor: credential.actor,
        credentialExpiresAt: credential.expiresAt,
        services,
        config,
        logger: logger.child({ channel: 'realtime' }),
      })
    })
  }

  const listener = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const requestId = requestIdFor(firstValue(request.headers['x-request-id']))

    onUpgrade(request, socket, head, requestId).catch((error: unknown) => {
      logger.error({ err: error, request_id: requestId }, 'upgrade failed')
      refuse(socket, requestId, 500, 'Internal server error')
    })
  }

  server.on('upgrade', listener)

  const heartbeat = setInterval(() => {
    for (const webSocket of sockets.clients) {
      if (!alive.has(webSocket)) {
        webSocket.terminate()
        continue
      }

      alive.delete(webSocket)
      webSocket.ping()
    }
  }, config.heartbeat_seconds * 1000)

  heartbeat.unref()

  return {
    async close() {
      clearInterval(heartbeat)
      revocations.stop()
      stopAnnouncingDeletions()
      server.off('upgrade', listener)

      for (const webSocket of sockets.clients) {
        webSocket.close(1001, 'server shutting down')
      }

      await new Promise<void>((resolve) => sockets.close(() => resolve()))
    },
  }
}

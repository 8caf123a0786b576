import type { Server, ServerOptions } from 'node:http'
import type { AddressInfo } from 'node:net'

import { serve } from '@hono/node-server'

import { type Adapters, createAdapters, createServices } from './composition.js'
import type { Config } from './config/schema.js'
import { newId } from './domain/ids.js'
import { createApp } from './http/app.js'
import { createLogger, type Logger } from './logger.js'
import { attachRealtimeGateway } from './realtime/gateway.js'

export interface StartOptions {
  adapters?: Adapters
  logger?: Logger
  /** Password for the `admin` account if it is created now; generated when absent. */
  adminPassword?: string
  /** Receives the generated admin password, once, when the account is created. */
  onAdminCreated?: (generatedPassword: string | null) => void
}

export interface RunningServer {
  url: string
  port: number
  app: ReturnType<typeof createApp>
  services: ReturnType<typeof createServices>
  close(): Promise<void>
}

/**
 * Node enforces the header and request timeouts only when it sweeps its connections, by default
 * every 30 s; sweeping every second keeps a client that dribbles its request from holding a
 * socket much past the configured limit.
 */
const CONNECTION_SWEEP_MS = 1000

interface ParserRefusal {
  status: string
  message: string
}

const MALFORMED: ParserRefusal = {
  status: '400 Bad Request',
  message: 'The request could not be parsed as HTTP/1.1',
}

/** Answers to requests Node's parser gave up on; anything else it rejects is malformed. */
const PARSER_REFUSALS: Record<string, ParserRefusal> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: '408 Request Timeout',
    message: 'The request was not received in time',
  },
  HPE_HEADER_OVERFLOW: {
    status: '431 Request Header Fields Too Large',
    message: 'The request headers are too large',
  },
}

/** The refusal as a raw response in the error envelope; the request never reached the app. */
function parserRefusal(error: NodeJS.ErrnoException): string {
  const { status, message } = PARSER_REFUSALS[error.code ?? ''] ?? MALFORMED
  const requestId = newId('request')
  const body = JSON.stringify({
    error: { code: 'invalid_request', message, request_id: requestId },
  })

  return [
    `HTTP/1.1 ${status}`,
    'Connection: close',
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    `X-Request-Id: ${requestId}`,
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    '',
    body,
  ].join('\r\n')
}

/**
 * Explicit limits on slow clients, so a few sockets sending a byte at a time cannot hold the
 * server's connections (slowloris); @hono/node-server leaves Node's defaults, a 5-minute request.
 */
function slowClientLimits(server: Config['server']): ServerOptions {
  return {
    headersTimeout: server.headers_timeout_seconds * 1000,
    requestTimeout: server.request_timeout_seconds * 1000,
    keepAliveTimeout: server.keep_alive_timeout_seconds * 1000,
    connectionsCheckingInterval: CONNECTION_SWEEP_MS,
  }
}

function listen(app: ReturnType<typeof createApp>, config: Config) {
  return new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const instance = serve(
      {
        fetch: app.fetch,
        port: config.server.port,
        hostname: config.server.host,
        serverOptions: slowClientLimits(config.server),
      },
      () => resolve(instance),
    )

    instance.once('error', reject)
  })
}

/** Builds everything from the config and listens; used by the process entry and by tests. */
export async function startServer(
  config: Config,
  options: StartOptions = {},
): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logging.level)
  const adapters = options.adapters ?? createAdapters(config)
  let services: ReturnType<typeof createServices>
  let app: ReturnType<typeof createApp>
  let server: ReturnType<typeof serve>

  try {
    services = createServices(config, adapters, logger)

    const admin = await services.users.ensureAdmin(options.adminPassword)

    if (admin.created) {
      options.onAdminCreated?.(admin.generatedPassword)
    }

    app = createApp(services, config, logger)
    server = await listen(app, config)
  } catch (error) {
    await adapters.storage.close()
    throw error
  }

  const gateway = attachRealtimeGateway(server as Server, services, config.realtime, logger)

  // A malformed request line or oversized headers must never take the process down. A client
  // too slow to send its request is told so, as Node itself would.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (socket.writable) {
      socket.end(parserRefusal(error))
    } else {
      socket.destroy()
    }
  })

  const { port } = server.address() as AddressInfo
  const host = config.server.host.includes(':') ? `[${config.server.host}]` : config.server.host

  logger.info({ host: config.server.host, port }, 'listening')

  return {
    url: `http://${host}:${port}`,
    port,
    app,
    services,
    async close() {
      await gateway.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await services.passwordResets.settled()
      await adapters.bus.close()
      await adapters.rateLimits.close()
      await adapters.storage.close()
    },
  }
}

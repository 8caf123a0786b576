import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { serve } from '@hono/node-server'

import { type Adapters, createAdapters, createServices } from './composition.js'
import type { Config } from './config/schema.js'
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

function listen(app: ReturnType<typeof createApp>, config: Config) {
  return new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const instance = serve(
      { fetch: app.fetch, port: config.server.port, hostname: config.server.host },
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

  // A malformed request line or oversized headers must never take the process down.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
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

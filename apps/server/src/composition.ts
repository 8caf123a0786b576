import { resolve } from 'node:path'

import { createInProcessBus } from './bus/in-process-bus.js'
import type { Config } from './config/schema.js'
import { createBuiltinEngine } from './engine/builtin/index.js'
import type { Logger } from './logger.js'
import type { EventBus } from './ports/event-bus.js'
import type { PersonaEngine } from './ports/persona-engine.js'
import type { Storage } from './ports/storage.js'
import { loadJwtSecret } from './secrets.js'
import { createAnalysisService } from './services/analysis-service.js'
import { createClientService } from './services/client-service.js'
import { createCredentialResolver } from './services/credential-resolver.js'
import { createHealthService } from './services/health-service.js'
import { createMessageService } from './services/message-service.js'
import { createNoteService } from './services/note-service.js'
import { createPersonaRegistry, loadPersonas } from './services/persona-registry.js'
import { createSessionService } from './services/session-service.js'
import { createTokenService } from './services/token-service.js'
import { createTypingService } from './services/typing-service.js'
import { createTicketStore } from './realtime/tickets.js'
import { createUserService } from './services/user-service.js'
import { createSqliteStorage } from './storage/sqlite/index.js'
import { VERSION } from './package-root.js'

export interface Adapters {
  storage: Storage
  engine: PersonaEngine
  bus: EventBus
}

/** Builds the adapters named by the configuration; tests may pass their own instead. */
export function createAdapters(config: Config): Adapters {
  return {
    storage: createSqliteStorage({ dataDir: resolve(config.storage.path) }),
    engine: createBuiltinEngine(),
    bus: createInProcessBus(),
  }
}

/** The one composition root: every service, wired from config and adapters. */
export function createServices(config: Config, adapters: Adapters, logger: Logger) {
  const { storage, engine, bus } = adapters
  const personas = createPersonaRegistry(loadPersonas(config.personas.path))
  const jwt = config.security.jwt
  const tokens = createTokenService(storage, {
    secret: loadJwtSecret(resolve(config.storage.path), jwt.secret),
    issuer: jwt.issuer,
    audience: jwt.audience,
    accessTtlSeconds: jwt.access_token_ttl_seconds,
    refreshTtlSeconds: jwt.refresh_token_ttl_seconds,
  })
  const users = createUserService(storage)
  const credentials = createCredentialResolver([tokens.authenticator])
  const clients = createClientService(storage)

  let analysis: ReturnType<typeof createAnalysisService> | undefined

  const sessions = createSessionService({
    storage,
    bus,
    clients,
    personas,
    onCompleted: async (session) => {
      try {
        await analysis!.summarise(session)
      } catch (error) {
        logger.error({ err: error, session_id: session.session_id }, 'summary after end failed')
      }
    },
  })

  analysis = createAnalysisService({ storage, sessions, clients, personas })

  const messages = createMessageService({
    storage,
    bus,
    sessions,
    personas,
    engine,
    logger,
    contextMessages: config.performance.persona_context_messages,
  })

  return {
    storage,
    bus,
    personas,
    tokens,
    credentials,
    users,
    clients,
    sessions,
    messages,
    notes: createNoteService(storage, sessions),
    realtime: createTypingService(bus, sessions),
    tickets: createTicketStore(config.realtime.ticket_ttl_seconds),
    analysis,
    health: createHealthService(storage, VERSION),
  }
}

export type Services = ReturnType<typeof createServices>

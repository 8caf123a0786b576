import { resolve } from 'node:path'

import { createInProcessBus } from './bus/in-process-bus.js'
import { enabledOAuth } from './config/oauth-schema.js'
import type { Config } from './config/schema.js'
import { createClientAddressResolver } from './domain/client-address.js'
import { createBuiltinEngine } from './engine/builtin/index.js'
import type { Logger } from './logger.js'
import { createOutboxNotifier } from './notifications/outbox-notifier.js'
import type { EventBus } from './ports/event-bus.js'
import type { Notifier } from './ports/notifier.js'
import type { PersonaEngine } from './ports/persona-engine.js'
import type { RateLimitStore } from './ports/rate-limit-store.js'
import type { Storage } from './ports/storage.js'
import { createInMemoryRateLimitStore } from './rate-limits/in-memory-store.js'
import { loadJwtSecret } from './secrets.js'
import { createAnalysisService } from './services/analysis-service.js'
import { createApiKeyAuthenticator } from './services/api-key-authenticator.js'
import { createApiKeyService } from './services/api-key-service.js'
import { createClientService } from './services/client-service.js'
import { createCredentialResolver } from './services/credential-resolver.js'
import { createHealthService } from './services/health-service.js'
import { createLoginLockout } from './services/login-lockout.js'
import { createMessageService } from './services/message-service.js'
import { createNoteService } from './services/note-service.js'
import { createOAuthAuthenticator } from './services/oauth-authenticator.js'
import { createPasswordResetService } from './services/password-reset-service.js'
import { createPasswordService } from './services/password-service.js'
import { createPersonaRegistry, loadPersonas } from './services/persona-registry.js'
import { createRateLimiter } from './services/rate-limiter.js'
import { createSignatureVerifier } from './services/request-signatures.js'
import { createSessionService } from './services/session-service.js'
import { createTokenService } from './services/token-service.js'
import { createTypingService } from './services/typing-service.js'
import { createTicketStore } from './realtime/tickets.js'
import { createActorStanding } from './services/actor-standing.js'
import { createUserService } from './services/user-service.js'
import { createSqliteStorage } from './storage/sqlite/index.js'
import { VERSION } from './package-root.js'

export interface Adapters {
  storage: Storage
  engine: PersonaEngine
  bus: EventBus
  rateLimits: RateLimitStore
  notifier: Notifier
}

/** Builds the adapters named by the configuration; tests may pass their own instead. */
export function createAdapters(config: Config): Adapters {
  return {
    storage: createSqliteStorage({ dataDir: resolve(config.storage.path) }),
    engine: createBuiltinEngine(),
    bus: createInProcessBus(),
    rateLimits: createInMemoryRateLimitStore(),
    notifier: createOutboxNotifier(resolve(config.storage.path)),
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
  const lockout = createLoginLockout(storage, {
    enabled: config.security.login_lockout.enabled,
    maxFailures: config.security.login_lockout.max_failures,
    windowSeconds: config.security.login_lockout.window_seconds,
  })
  const users = createUserService(storage, lockout)
  const oauth = enabledOAuth(config.security.oauth)
  const keys = config.security.api_keys
  const signing = config.security.request_signing
  const apiKeys = createApiKeyService(storage, {
    prefix: keys.prefix,
    length: keys.length,
    defaultLifetimeDays: keys.expiration.enabled ? keys.expiration.days : null,
    rotationGraceSeconds: keys.rotation_grace_seconds,
    signingRequired: signing.required,
  })
  const apiKeyAuth = createApiKeyAuthenticator(
    storage,
    createSignatureVerifier({ toleranceSeconds: signing.tolerance_seconds }),
    { prefix: keys.prefix, signingRequired: signing.required },
  )
  const credentials = createCredentialResolver([
    apiKeyAuth.authenticator,
    ...(oauth ? [createOAuthAuthenticator(storage, oauth).authenticator] : []),
    tokens.authenticator,
  ])
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
    apiKeys,
    apiKeyAuth,
    credentials,
    users,
    passwords: createPasswordService(storage, tokens, lockout),
    passwordResets: createPasswordResetService({
      storage,
      notifier: adapters.notifier,
      tokens,
      lockout,
      logger,
      settings: {
        tokenTtlSeconds: config.security.password_reset.token_ttl_seconds,
        linkUrl: config.security.password_reset.link_url,
      },
    }),
    clients,
    sessions,
    messages,
    notes: createNoteService(storage, sessions),
    realtime: createTypingService(bus, sessions),
    tickets: createTicketStore(config.realtime.ticket_ttl_seconds),
    standing: createActorStanding(storage, apiKeyAuth.isUsable),
    analysis,
    health: createHealthService(storage, VERSION),
    clientAddresses: createClientAddressResolver(config.server.trusted_proxies),
    rateLimiter: createRateLimiter(adapters.rateLimits, {
      limits: config.security.rate_limiting,
      apiKeys: config.security.api_keys.rate_limiting,
    }),
  }
}

export type Services = ReturnType<typeof createServices>

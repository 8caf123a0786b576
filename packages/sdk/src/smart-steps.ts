import type { Health } from '@smartsteps/contracts'

import { type Authorizer, staticBearer } from './auth/authorizer.js'
import { TokenKeeper } from './auth/token-keeper.js'
import { normaliseBaseUrl } from './base-url.js'
import { Transport } from './http/transport.js'
import type { SmartStepsOptions } from './options.js'
import { RealtimeResource } from './realtime/realtime-resource.js'
import { AnalysisResource } from './resources/analysis.js'
import { ApiKeysResource } from './resources/api-keys.js'
import { AuthResource, tokenEndpoints } from './resources/auth.js'
import { ClientsResource } from './resources/clients.js'
import { readHealth } from './resources/health.js'
import { MessagesResource } from './resources/messages.js'
import { NotesResource } from './resources/notes.js'
import { PersonasResource } from './resources/personas.js'
import { SessionsResource } from './resources/sessions.js'
import { UsersResource } from './resources/users.js'
import { RequestSigner } from './signing/request-signer.js'

function chosenCredentials(options: SmartStepsOptions): number {
  return [options.token, options.apiKey, options.credentials].filter(Boolean).length
}

/**
 * A client of one Smart Steps server. Authenticate with one of `token` (plus `refreshToken`),
 * `apiKey` (plus `signingSecret` for keys that sign) or `credentials`, or call
 * `auth.login()` later.
 */
export class SmartSteps {
  readonly auth: AuthResource
  readonly users: UsersResource
  readonly apiKeys: ApiKeysResource
  readonly clients: ClientsResource
  readonly personas: PersonasResource
  readonly sessions: SessionsResource
  readonly messages: MessagesResource
  readonly notes: NotesResource
  readonly analysis: AnalysisResource
  readonly realtime: RealtimeResource
  private readonly http: Transport

  constructor(options: SmartStepsOptions) {
    if (chosenCredentials(options) > 1) {
      throw new TypeError('Give at most one of token, apiKey and credentials')
    }

    if (options.refreshToken && !options.token) {
      throw new TypeError('refreshToken goes with the token of the same login')
    }

    // The server checks signatures on API-key requests only; anything else would sign in vain.
    if (options.signingSecret && !options.apiKey) {
      throw new TypeError('signingSecret signs the requests of an apiKey; give the key too')
    }

    const baseUrl = normaliseBaseUrl(options.baseUrl, options.allowInsecureHttp ?? false)
    const keeper = options.apiKey
      ? null
      : new TokenKeeper({
          // The token calls go through the transport, built just below with the keeper in it.
          endpoints: tokenEndpoints(() => this.http),
          ...(options.token ? { token: options.token } : {}),
          ...(options.refreshToken ? { refreshToken: options.refreshToken } : {}),
          ...(options.credentials ? { credentials: options.credentials } : {}),
          ...(options.onSession ? { onSession: options.onSession } : {}),
        })
    // Without any credential the keeper sends none, until auth.login() gives it a login.
    const authorizer: Authorizer = keeper ?? staticBearer(options.apiKey!)

    this.http = new Transport({
      baseUrl,
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      authorizer,
      signer: options.signingSecret ? new RequestSigner(options.signingSecret) : null,
      validateResponses: options.validateResponses ?? true,
      rateLimitMaxWaitSeconds: options.retryRateLimitedUpTo ?? null,
      retryNetworkErrors: options.retryNetworkErrors ?? true,
      timeoutMs: options.timeoutMs ?? 30_000,
    })

    this.auth = new AuthResource(this.http, keeper)
    this.users = new UsersResource(this.http)
    this.apiKeys = new ApiKeysResource(this.http)
    this.clients = new ClientsResource(this.http)
    this.personas = new PersonasResource(this.http)
    this.sessions = new SessionsResource(this.http)
    this.messages = new MessagesResource(this.http)
    this.notes = new NotesResource(this.http)
    this.analysis = new AnalysisResource(this.http)
    this.realtime = new RealtimeResource(this.http)
  }

  /** GET /api/health, without credentials. */
  health(): Promise<Health> {
    return readHealth(this.http)
  }
}

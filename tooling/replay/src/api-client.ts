import { ErrorEnvelopeSchema, TokenResponseSchema, type TokenResponse } from '@smartsteps/contracts'
import { z } from 'zod'

import { ApiFailure } from './api-errors.js'

/** A parsed answer with the client-side time it took, from sending to the whole body read. */
export interface Timed<T> {
  data: T
  ms: number
  requestId: string | null
}

// Refresh once three quarters of a token's life are gone, so no request leaves with a token
// about to expire on the way, whatever lifetime the server is configured with.
const REFRESH_AT_LIFE_SHARE = 0.75

const REQUEST_TIMEOUT_MS = 60_000

/**
 * A small client of the Smart Steps REST API that parses every answer with the contracts'
 * schemas, so a server drifting from the contracts fails loudly instead of passing silently.
 *
 * @example
 * const api = new ApiClient('http://127.0.0.1:8543/api/v1')
 * await api.login('admin', password)
 * const { data } = await api.request('POST', '/clients', body, ClientSchema, 201)
 */
export class ApiClient {
  private tokens: TokenResponse | null = null
  private refreshAt = 0
  private refreshing: Promise<void> | null = null

  constructor(private readonly apiBase: string) {}

  async login(username: string, password: string): Promise<TokenResponse['user']> {
    const { data } = await this.send(
      'POST',
      '/auth/login',
      { username, password },
      TokenResponseSchema,
    )

    this.keep(data)
    return data.user
  }

  async request<Schema extends z.ZodType>(
    method: string,
    path: string,
    body: unknown,
    schema: Schema,
    expectedStatus = 200,
  ): Promise<Timed<z.output<Schema>>> {
    await this.ensureFreshToken()
    return this.send(method, path, body, schema, expectedStatus)
  }

  private async ensureFreshToken(): Promise<void> {
    if (!this.tokens) {
      throw new Error('ApiClient.request called before login')
    }

    if (Date.now() < this.refreshAt) {
      return
    }

    // Refresh tokens are single-use: concurrent workers must share one refresh, not race.
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = null
    })
    await this.refreshing
  }

  private async refresh(): Promise<void> {
    const refreshToken = this.tokens?.refresh_token
    const { data } = await this.send(
      'POST',
      '/auth/refresh',
      { refresh_token: refreshToken },
      TokenResponseSchema,
    )

    this.keep(data)
  }

  private keep(tokens: TokenResponse): void {
    const now = Date.now()
    const lifetime = Date.parse(tokens.expires_at) - now

    this.tokens = tokens
    this.refreshAt = now + lifetime * REFRESH_AT_LIFE_SHARE
  }

  private async send<Schema extends z.ZodType>(
    method: string,
    path: string,
    body: unknown,
    schema: Schema,
    expectedStatus = 200,
  ): Promise<Timed<z.output<Schema>>> {
    const started = performance.now()
    const { response, text } = await this.fetchText(method, path, body)
    const ms = performance.now() - started
    const requestId = response.headers.get('x-request-id')
    const json = parseJson(text)

    if (!response.ok) {
      throw statusFailure(method, path, response.status, requestId, json)
    }

    const parsed = schema.safeParse(json)

    if (response.status === expectedStatus && parsed.success) {
      return { data: parsed.data, ms, requestId }
    }

    const detail = parsed.error
      ? `body does not match the contract: ${summariseIssues(parsed.error)}`
      : `expected status ${expectedStatus}`
    const status = response.status
    throw new ApiFailure({ kind: 'contract', method, path, status, code: null, requestId, detail })
  }

  private async fetchText(method: string, path: string, body: unknown) {
    const headers: Record<string, string> = { accept: 'application/json' }

    if (body !== undefined) {
      headers['content-type'] = 'application/json'
    }

    if (this.tokens && path !== '/auth/login' && path !== '/auth/refresh') {
      headers.authorization = `Bearer ${this.tokens.token}`
    }

    try {
      const response = await fetch(this.apiBase + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      })

      return { response, text: await response.text() }
    } catch (error) {
      // fetch hides the reason (refused, reset, bad port) in its cause.
      const { cause } = error as { cause?: { code?: string; message?: string } }
      const reason = cause?.code ?? cause?.message
      const detail = [(error as Error).message, reason].filter(Boolean).join(': ')
      throw new ApiFailure({
        kind: 'network',
        method,
        path,
        status: null,
        code: null,
        requestId: null,
        detail,
      })
    }
  }
}

function statusFailure(
  method: string,
  path: string,
  status: number,
  headerRequestId: string | null,
  json: unknown,
): ApiFailure {
  const envelope = ErrorEnvelopeSchema.safeParse(json)

  if (!envelope.success) {
    const detail = `error body is not the contract's error envelope: ${summariseIssues(envelope.error)}`
    return new ApiFailure({
      kind: 'status',
      method,
      path,
      status,
      code: null,
      requestId: headerRequestId,
      detail,
    })
  }

  const { code, message, request_id: requestId, details } = envelope.data.error
  const extra = details ? ` ${JSON.stringify(details).slice(0, 300)}` : ''

  return new ApiFailure({
    kind: 'status',
    method,
    path,
    status,
    code,
    requestId,
    detail: message + extra,
  })
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function summariseIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ')
}

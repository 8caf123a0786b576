import type { z } from 'zod'

import type { Authorizer } from '../auth/authorizer.js'
import { SmartStepsNetworkError } from '../errors/index.js'
import type { RequestSigner } from '../signing/request-signer.js'
import { errorFromResponse } from './error-from-response.js'
import { type QueryValue, queryString } from './query-string.js'
import { readSuccess } from './read-response.js'
import { retryAfterSecondsOf } from './retry-after.js'

export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>

export interface RequestSpec<T> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** From the server root, e.g. `/api/v1/clients`. */
  path: string
  query?: Record<string, QueryValue>
  body?: unknown
  /** The contract schema of the success body; absent for answers without one (204). */
  schema?: z.ZodType<T>
  /** false for the public routes; they get no Authorization header. Default true. */
  authenticated?: boolean
  /** Safe to send again when no answer came back. Default: GET only. */
  repeatable?: boolean
  /** Statuses besides 2xx whose body is a success body (health answers 503 with one). */
  alsoSuccessful?: number[]
}

export interface ApiResponse<T> {
  data: T
  status: number
  headers: Headers
}

export interface TransportSettings {
  baseUrl: string
  fetch: FetchFunction
  authorizer: Authorizer
  signer: RequestSigner | null
  validateResponses: boolean
  /** Wait for Retry-After and try once more after a 429, if the wait is at most this; null: never. */
  rateLimitMaxWaitSeconds: number | null
  /** Retry once a request that is safe to repeat when no answer came back. */
  retryNetworkErrors: boolean
  timeoutMs: number
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * Sends one API call: authenticates and signs each attempt, and retries at most once for each
 * of three reasons: an access token that needed renewing (401), a rate limit the caller agreed
 * to wait out (429), and a lost answer to a request that is safe to repeat.
 */
export class Transport {
  constructor(private readonly settings: TransportSettings) {}

  get baseUrl(): string {
    return this.settings.baseUrl
  }

  get authorizer(): Authorizer {
    return this.settings.authorizer
  }

  get signer(): RequestSigner | null {
    return this.settings.signer
  }

  get validateResponses(): boolean {
    return this.settings.validateResponses
  }

  async request<T>(spec: RequestSpec<T>): Promise<T> {
    return (await this.exchange(spec)).data
  }

  async exchange<T>(spec: RequestSpec<T>): Promise<ApiResponse<T>> {
    const url = `${this.settings.baseUrl}${spec.path}${queryString(spec.query)}`
    // Serialised once: the signature covers exactly these bytes, on every attempt.
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body)
    const repeatable = spec.repeatable ?? spec.method === 'GET'
    const retried = { network: false, credential: false, rateLimit: false }

    for (;;) {
      const credential =
        spec.authenticated === false ? null : await this.settings.authorizer.bearer()
      let response: Response
      let text: string

      try {
        response = await this.settings.fetch(url, {
          method: spec.method,
          headers: await this.headers(credential, body),
          ...(body === undefined ? {} : { body }),
          signal: AbortSignal.timeout(this.settings.timeoutMs),
        })
        text = await response.text()
      } catch (error) {
        if (repeatable && this.settings.retryNetworkErrors && !retried.network) {
          retried.network = true
          continue
        }

        throw new SmartStepsNetworkError(`${spec.method} ${spec.path}: ${describe(error)}`, {
          cause: error,
        })
      }

      if (response.status === 401 && credential && !retried.credential) {
        retried.credential = true

        if (await this.settings.authorizer.recover(credential, errorFromResponse(response, text))) {
          continue
        }
      }

      const wait = response.status === 429 && !retried.rateLimit ? this.waitFor(response) : null

      if (wait !== null) {
        retried.rateLimit = true
        await sleep(wait)
        continue
      }

      if (!response.ok && !spec.alsoSuccessful?.includes(response.status)) {
        throw errorFromResponse(response, text)
      }

      const data = readSuccess(response, text, {
        schema: spec.schema,
        validate: this.settings.validateResponses,
      })

      return { data, status: response.status, headers: response.headers }
    }
  }

  private async headers(credential: string | null, body: string | undefined) {
    const headers: Record<string, string> = { accept: 'application/json' }

    if (body !== undefined) {
      headers['content-type'] = 'application/json'
    }

    if (credential) {
      headers.authorization = `Bearer ${credential}`

      if (this.settings.signer) {
        Object.assign(headers, await this.settings.signer.headers(body ?? ''))
      }
    }

    return headers
  }

  /** How long to wait before the one retry of a 429, in ms; null when not to retry. */
  private waitFor(response: Response): number | null {
    const limit = this.settings.rateLimitMaxWaitSeconds
    const seconds = retryAfterSecondsOf(response.headers)

    if (limit === null || seconds === null || seconds > limit) {
      return null
    }

    return seconds * 1000
  }
}

import { createHmac } from 'node:crypto'

import { type ConfigInput, ConfigSchema } from '../config/schema.js'
import type { TestServer } from './test-server.js'

/**
 * A whole `security` section for startTestServer, defaults filled in around the overrides.
 * startTestServer uses override sections as they are, unparsed, so they must be parsed already.
 */
export function securityConfig(overrides: Record<string, unknown>): ConfigInput['security'] {
  return ConfigSchema.parse({ security: overrides }).security as unknown as ConfigInput['security']
}

export interface CreatedKey {
  key_id: string
  secret: string
  signing_secret?: string
  [field: string]: unknown
}

/** Creates a key over REST and fails the test unless that worked. */
export async function createKey(
  server: TestServer,
  token: string,
  body: Record<string, unknown>,
): Promise<CreatedKey> {
  const created = await server.call('POST', '/api/v1/keys', { token, body })

  if (created.status !== 201) {
    throw new Error(`key creation failed: ${created.status} ${JSON.stringify(created.body)}`)
  }

  return created.body
}

export function unixSeconds(offsetSeconds = 0): string {
  return String(Math.floor(Date.now() / 1000) + offsetSeconds)
}

let fraction = 0

/**
 * The current second with a fraction no other call used, so two bodiless requests signed in
 * the same second still differ (the server refuses a signature it has seen).
 */
export function uniqueTimestamp(): string {
  fraction = (fraction % 999_999) + 1
  return `${unixSeconds()}.${fraction}`
}

/**
 * The signature headers, computed here independently of the server's code, the way the
 * reference's Python example does: HMAC-SHA256 over the timestamp followed by the raw body.
 */
export function signatureHeaders(signingSecret: string, body = '', timestamp = unixSeconds()) {
  const digest = createHmac('sha256', signingSecret).update(`${timestamp}${body}`).digest('hex')
  return { 'x-signature-timestamp': timestamp, 'x-signature': `sha256=${digest}` }
}

/** A request with an API key, the body sent exactly as given, signed when a secret is given. */
export function callWithKey(
  server: TestServer,
  method: string,
  path: string,
  key: { secret: string; signingSecret?: string },
  options: { body?: string; headers?: Record<string, string>; timestamp?: string } = {},
) {
  const signature = key.signingSecret
    ? signatureHeaders(key.signingSecret, options.body ?? '', options.timestamp)
    : {}

  return server.call(method, path, {
    token: key.secret,
    rawBody: options.body,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...signature,
      ...options.headers,
    },
  })
}

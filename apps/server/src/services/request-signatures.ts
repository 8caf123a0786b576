import { createHmac, timingSafeEqual } from 'node:crypto'

import { unauthenticated } from '../domain/errors.js'
import type { SignatureParts } from './credential-resolver.js'

/** Unix seconds, optionally with up to six decimals so a client can sign often per second. */
const TIMESTAMP = /^\d{1,12}(?:\.\d{1,6})?$/
const SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/
const SWEEP_INTERVAL_MS = 10_000

const GUIDE = 'see docs/security/request-signing.md'

export interface SignatureSettings {
  toleranceSeconds: number
  now?: () => number
}

/** `sha256=` and the hex HMAC-SHA256 of the timestamp followed by the body, keyed by `secret`. */
export function signatureOf(secret: string, timestamp: string, body: Uint8Array): string {
  const digest = createHmac('sha256', secret).update(timestamp).update(body).digest('hex')
  return `sha256=${digest}`
}

/**
 * Checks request signatures and refuses a signature seen before. A signature is accepted only
 * while its timestamp is within the tolerance of the server clock, so it is remembered exactly
 * that long; after that the timestamp alone refuses it. What has been seen is kept in this
 * process: behind several instances a replay can reach an instance that has not seen it (README,
 * Limitations), until the replay cache moves to shared storage.
 */
export function createSignatureVerifier(settings: SignatureSettings) {
  const now = settings.now ?? Date.now
  const toleranceMs = settings.toleranceSeconds * 1000
  const seen = new Map<string, number>()
  let nextSweep = 0

  function forgetExpired(at: number) {
    if (at < nextSweep) {
      return
    }

    for (const [signature, expiresAt] of seen) {
      if (expiresAt < at) {
        seen.delete(signature)
      }
    }

    nextSweep = at + SWEEP_INTERVAL_MS
  }

  function checkTimestamp(timestamp: string, at: number): number {
    if (!TIMESTAMP.test(timestamp)) {
      throw unauthenticated(
        'signature_invalid',
        'X-Signature-Timestamp must be unix time in seconds',
      )
    }

    const signedAt = Number(timestamp) * 1000

    if (Math.abs(at - signedAt) > toleranceMs) {
      throw unauthenticated(
        'timestamp_out_of_tolerance',
        `X-Signature-Timestamp is more than ${settings.toleranceSeconds} seconds from the server clock`,
      )
    }

    return signedAt
  }

  /**
   * Resolves when the request is signed with `secret`; throws authentication_error otherwise.
   * `scope` separates the replay memory of different keys.
   */
  async function verify(scope: string, secret: string, parts: SignatureParts): Promise<void> {
    const { timestamp, signature } = parts

    if (timestamp === undefined || signature === undefined) {
      throw unauthenticated(
        'signature_invalid',
        `This request must be signed with X-Signature-Timestamp and X-Signature; ${GUIDE}`,
      )
    }

    const at = now()
    const signedAt = checkTimestamp(timestamp, at)
    const given = SIGNATURE.exec(signature)?.[1]

    if (!given) {
      throw unauthenticated(
        'signature_invalid',
        'X-Signature must be sha256= followed by 64 hex digits',
      )
    }

    const expected = signatureOf(secret, timestamp, await parts.body()).slice('sha256='.length)

    if (!timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(expected, 'hex'))) {
      throw unauthenticated(
        'signature_invalid',
        `X-Signature does not match this request; ${GUIDE}`,
      )
    }

    // No await from here on: of two concurrent copies, exactly one finds the signature unseen.
    const replayKey = `${scope}:${expected}`
    forgetExpired(at)

    if (seen.has(replayKey)) {
      throw unauthenticated(
        'signature_replayed',
        'This signature was already used; sign every request afresh',
      )
    }

    seen.set(replayKey, signedAt + toleranceMs)
  }

  return { verify }
}

export type SignatureVerifier = ReturnType<typeof createSignatureVerifier>

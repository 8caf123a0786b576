import { createHash, randomBytes } from 'node:crypto'

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** Bytes at or above this are skipped, so every character is equally likely (248 = 4 * 62). */
const UNBIASED_LIMIT = 248

const SIGNING_SECRET_PREFIX = 'sig_'
const SIGNING_SECRET_LENGTH = 43

/** Characters of the secret shown in listings: the prefix and four random ones. */
const VISIBLE_RANDOM_CHARACTERS = 4

/** `length` uniformly random letters and digits (about 5.95 bits each). */
export function randomBase62(length: number): string {
  let text = ''

  while (text.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < UNBIASED_LIMIT && text.length < length) {
        text += BASE62[byte % 62]
      }
    }
  }

  return text
}

/** A new API key secret: the configured prefix and `length` random letters and digits. */
export function newApiKeySecret(prefix: string, length: number): string {
  return `${prefix}${randomBase62(length)}`
}

/** A new HMAC key for request signing (about 256 bits). */
export function newSigningSecret(): string {
  return `${SIGNING_SECRET_PREFIX}${randomBase62(SIGNING_SECRET_LENGTH)}`
}

/**
 * What is stored of a secret. A plain SHA-256 is enough: the secret has well over 128 bits of
 * randomness, so there is nothing to guess offline, and a hash lookup compares no secret bytes.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

export function visiblePrefixOf(secret: string, prefix: string): string {
  return secret.slice(0, prefix.length + VISIBLE_RANDOM_CHARACTERS)
}

import { signatureTimestamp } from './signature-timestamp.js'

export interface SignatureHeaders {
  'x-signature-timestamp': string
  'x-signature': string
}

const utf8 = new TextEncoder()

function hex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/**
 * Signs requests as docs/security/request-signing.md says: `sha256=` and the hex HMAC-SHA256,
 * keyed by the signing secret's UTF-8 text, of the timestamp followed by the exact body sent.
 * WebCrypto, so the same code runs in browsers and in Node 20.
 */
export class RequestSigner {
  private readonly key: Promise<CryptoKey>

  constructor(signingSecret: string) {
    this.key = crypto.subtle.importKey(
      'raw',
      utf8.encode(signingSecret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    )
  }

  /** The hex digest for this timestamp and body, without the `sha256=` prefix. */
  async digest(timestamp: string, body: string): Promise<string> {
    return hex(await crypto.subtle.sign('HMAC', await this.key, utf8.encode(timestamp + body)))
  }

  /** Headers for one request; sign every attempt afresh, since the server accepts each once. */
  async headers(body: string, timestamp = signatureTimestamp()): Promise<SignatureHeaders> {
    return {
      'x-signature-timestamp': timestamp,
      'x-signature': `sha256=${await this.digest(timestamp, body)}`,
    }
  }
}

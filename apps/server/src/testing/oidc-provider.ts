import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

import {
  type CryptoKey,
  exportJWK,
  generateKeyPair,
  type JWK,
  type JWTPayload,
  SignJWT,
} from 'jose'

export type SigningAlgorithm = 'RS256' | 'ES256'

export interface ProviderKey {
  kid: string
  alg: SigningAlgorithm
  privateKey: CryptoKey
  publicJwk: JWK
}

export interface TokenOptions {
  kid?: string
  iss?: string
  aud?: string
  /** Seconds from now; negative for a token that has expired. */
  expiresIn?: number
  claims?: JWTPayload
}

/**
 * A stand-in OpenID Connect provider on 127.0.0.1: serves its key set at /jwks.json, counts the
 * fetches, signs tokens, and rotates keys on request.
 */
export async function startOidcProvider() {
  const keys: ProviderKey[] = []
  let published: ProviderKey[] = []
  let fetches = 0

  const server = createServer((request, response) => {
    if (request.url !== '/jwks.json') {
      response.writeHead(404).end()
      return
    }

    fetches += 1
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(JSON.stringify({ keys: published.map((key) => key.publicJwk) }))
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))

  const { port } = server.address() as AddressInfo
  const issuer = `http://127.0.0.1:${port}`

  async function addKey(kid: string, alg: SigningAlgorithm = 'RS256'): Promise<ProviderKey> {
    const pair = await generateKeyPair(alg, { extractable: true })
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid, alg, use: 'sig' }
    const key = { kid, alg, privateKey: pair.privateKey, publicJwk }

    keys.push(key)

    return key
  }

  function find(kid: string): ProviderKey {
    const key = keys.find((candidate) => candidate.kid === kid)

    if (!key) {
      throw new Error(`no key ${kid}`)
    }

    return key
  }

  return {
    issuer,
    jwksUrl: `${issuer}/jwks.json`,
    addKey,
    /** The keys the provider's key set lists from now on. */
    publish(...kids: string[]) {
      published = kids.map(find)
    },
    fetches: () => fetches,
    async sign(options: TokenOptions = {}): Promise<string> {
      const key = options.kid ? find(options.kid) : published[0]!
      const now = Math.floor(Date.now() / 1000)

      return new SignJWT({ preferred_username: 'ext.user', ...options.claims })
        .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
        .setIssuer(options.iss ?? issuer)
        .setAudience(options.aud ?? 'smartsteps-api')
        .setSubject(String(options.claims?.sub ?? 'subject-1'))
        .setIssuedAt(now)
        .setExpirationTime(now + (options.expiresIn ?? 300))
        .sign(key.privateKey)
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export type OidcProvider = Awaited<ReturnType<typeof startOidcProvider>>

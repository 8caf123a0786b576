/**
 * `Authorization: Bearer <credential>`. The scheme name is case-insensitive (RFC 9110 11.1), so
 * `bearer` and `BEARER` count too; one or more spaces may follow it (RFC 6750 2.1). The
 * credential is a b64token: letters, digits and `-._~+/`, then optional `=` padding.
 */
const BEARER = /^bearer +([A-Za-z0-9._~+/-]+=*)$/i

/**
 * The credential of a bearer Authorization header, or null when the header is absent or is not
 * one. Shared by REST and the WebSocket upgrade, so both read the header alike.
 *
 * @example
 * bearerCredential('bearer sk_ss_4fQz...') // 'sk_ss_4fQz...'
 */
export function bearerCredential(header: string | undefined): string | null {
  return BEARER.exec(header ?? '')?.[1] ?? null
}

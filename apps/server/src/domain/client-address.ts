import { isIP } from 'node:net'

import { ipAllowList } from './ip-allow-list.js'

const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i
const BRACKETED = /^\[([^\]]+)\](?::\d{1,5})?$/
const IPV4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/

/**
 * The address in its one canonical form: an IPv4-mapped IPv6 address (`::ffff:10.0.0.5`, as
 * dual-stack sockets report IPv4 peers) becomes plain IPv4, so logs, allow-lists and rate-limit
 * counters see one caller as one address. Null when the text is not an IP address.
 */
export function normaliseAddress(text: string): string | null {
  const mapped = MAPPED_IPV4.exec(text)
  const address = mapped ? mapped[1]! : text

  return isIP(address) ? address.toLowerCase() : null
}

/** One hop of X-Forwarded-For; some proxies add a port, IPv6 then in brackets. */
function addressOfHop(hop: string): string | null {
  const text = hop.trim()
  const unwrapped = BRACKETED.exec(text)?.[1] ?? IPV4_WITH_PORT.exec(text)?.[1] ?? text

  return normaliseAddress(unwrapped)
}

/** The caller's address from the socket peer and, through trusted proxies, X-Forwarded-For. */
export type ClientAddressResolver = (
  peer: string | null | undefined,
  forwardedFor: string | null | undefined,
) => string | null

/**
 * Resolves who is calling. X-Forwarded-For is read only when the socket peer is one of the
 * trusted proxies; anyone else could write any address there. Each proxy appends the address it
 * was called from, so the list is read from the right and the first address that is not a
 * trusted proxy is the client: entries further left were written by that client and prove
 * nothing. A malformed entry stops the walk at the last trusted hop, so garbage in the header
 * can never pick an address.
 *
 * @example
 * const resolve = createClientAddressResolver(['10.0.0.0/8'])
 * resolve('10.0.0.2', '6.6.6.6, 203.0.113.9, 10.0.0.7') // '203.0.113.9'
 * resolve('198.51.100.4', '203.0.113.9') // '198.51.100.4': not a trusted proxy
 */
export function createClientAddressResolver(
  trustedProxies: readonly string[],
): ClientAddressResolver {
  const trusted = ipAllowList(trustedProxies)

  return function resolveClientAddress(peer, forwardedFor) {
    const socketAddress = peer ? normaliseAddress(peer) : null

    if (!socketAddress || !forwardedFor || !trusted(socketAddress)) {
      return socketAddress
    }

    const hops = forwardedFor.split(',')
    let nearestTrusted = socketAddress

    for (let index = hops.length - 1; index >= 0; index--) {
      const hop = addressOfHop(hops[index]!)

      if (!hop) {
        return nearestTrusted
      }

      if (!trusted(hop)) {
        return hop
      }

      nearestTrusted = hop
    }

    return nearestTrusted
  }
}

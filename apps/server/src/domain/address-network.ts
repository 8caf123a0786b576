import { isIP } from 'node:net'

/** IPv6 with an embedded dotted quad (`::1.2.3.4`) as eight 16-bit groups. */
export function ipv6Groups(address: string): number[] {
  let text = address.split('%')[0]!
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)

  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number]
    const high = ((a << 8) | b).toString(16)
    const low = ((c << 8) | d).toString(16)

    text = `${text.slice(0, dotted.index)}${high}:${low}`
  }

  const [head = '', tail] = text.split('::')
  const headGroups = head ? head.split(':') : []
  const tailGroups = tail ? tail.split(':') : []
  const zeros = tail === undefined ? [] : Array(8 - headGroups.length - tailGroups.length).fill('0')

  return [...headGroups, ...zeros, ...tailGroups].map((group) => parseInt(group, 16))
}

/**
 * What per-address limits count: an IPv4 address as is, an IPv6 address by its /64, since one
 * subscriber is routinely given a whole /64 and could otherwise take a fresh address for every
 * request. Expects an address as `normaliseAddress` leaves it; null (no socket) is `unknown`.
 *
 * @example
 * networkOf('2001:db8:1:2:aaaa::1') // '2001:db8:1:2::/64'
 */
export function networkOf(address: string | null): string {
  if (!address || isIP(address) !== 6) {
    return address ?? 'unknown'
  }

  const prefix = ipv6Groups(address)
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')

  return `${prefix}::/64`
}

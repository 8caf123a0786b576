import { isIP } from 'node:net'

import { ipv6Groups } from './address-network.js'

/** The first and last address of a range, as 128-bit numbers. */
interface AddressSpan {
  first: bigint
  last: bigint
}

/** Where IPv4 lives in the IPv6 space: ::ffff:0:0/96, as ip-allow-list.ts matches it. */
const IPV4_MAPPED_BASE = 0xffffn << 32n
const IPV4_MAPPED_PREFIX = 96

function ipv4Value(address: string): bigint {
  return address.split('.').reduce((value, octet) => (value << 8n) | BigInt(octet), 0n)
}

function ipv6Value(address: string): bigint {
  return ipv6Groups(address).reduce((value, group) => (value << 16n) | BigInt(group), 0n)
}

/**
 * An allow-list entry (`10.0.0.0/8`, `192.0.2.7`, `2001:db8::/32`) as a span of the IPv6 space,
 * IPv4 entries at their IPv4-mapped place, so ranges of either family compare with each other.
 * Expects an entry the contract's IpRangeSchema accepted.
 */
function spanOf(entry: string): AddressSpan {
  const [address = '', prefix] = entry.split('/')
  const isIpv4 = isIP(address) === 4
  const value = isIpv4 ? IPV4_MAPPED_BASE | ipv4Value(address) : ipv6Value(address)
  const ownBits = isIpv4 ? 32 : 128
  const length =
    (isIpv4 ? IPV4_MAPPED_PREFIX : 0) + (prefix === undefined ? ownBits : Number(prefix))
  const hostBits = BigInt(128 - length)
  const first = (value >> hostBits) << hostBits

  return { first, last: first | ((1n << hostBits) - 1n) }
}

/** Whether every address of range `inner` is also in range `outer`. */
export function rangeWithin(inner: string, outer: string): boolean {
  const a = spanOf(inner)
  const b = spanOf(outer)

  return b.first <= a.first && a.last <= b.last
}

/**
 * Whether allow-list `inner` admits no address that `outer` refuses: an empty list admits
 * everyone, so it is within an empty list only; otherwise each of its ranges must lie inside
 * one range of `outer`.
 *
 * @example
 * allowListWithin(['10.1.0.0/16'], ['10.0.0.0/8']) // true
 * allowListWithin([], ['10.0.0.0/8']) // false
 */
export function allowListWithin(inner: readonly string[], outer: readonly string[]): boolean {
  if (outer.length === 0) {
    return true
  }

  return (
    inner.length > 0 && inner.every((range) => outer.some((bound) => rangeWithin(range, bound)))
  )
}

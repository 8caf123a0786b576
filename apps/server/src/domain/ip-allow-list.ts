import { BlockList, isIP } from 'node:net'

export type AddressMatcher = (address: string | null) => boolean

function familyOf(address: string): 'ipv4' | 'ipv6' | null {
  const version = isIP(address)
  return version === 4 ? 'ipv4' : version === 6 ? 'ipv6' : null
}

/**
 * A matcher for an allow-list of single addresses and CIDR ranges, IPv4 and IPv6. node's
 * BlockList compares an IPv4 address and its IPv4-mapped IPv6 form (`::ffff:10.0.0.5`) as the
 * same address, in both directions; so `::/0` admits every address. An unknown or unparsable
 * caller address never matches.
 *
 * @example
 * const allowed = ipAllowList(['10.0.0.0/8', '2001:db8::/32'])
 * allowed('::ffff:10.1.2.3') // true
 */
export function ipAllowList(entries: readonly string[]): AddressMatcher {
  const list = new BlockList()

  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/')
    const family = familyOf(address)

    if (!family) {
      throw new Error(`not an IP address or CIDR range: ${entry}`)
    }

    const bits = family === 'ipv4' ? 32 : 128
    const length = prefix === undefined ? bits : Number(prefix)

    if (!/^\d{1,3}$/.test(prefix ?? String(bits)) || length > bits) {
      throw new Error(`bad prefix length in ${entry}`)
    }

    list.addSubnet(address, length, family)
  }

  return function matches(address) {
    const family = address ? familyOf(address) : null
    return family !== null && list.check(address!, family)
  }
}

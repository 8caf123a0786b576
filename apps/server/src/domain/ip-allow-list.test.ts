import { describe, expect, it } from 'vitest'

import { ipAllowList } from './ip-allow-list.js'

describe('ipAllowList', () => {
  it('matches IPv4 ranges and single addresses', () => {
    const allowed = ipAllowList(['10.0.0.0/8', '192.168.1.7'])

    expect(allowed('10.255.0.1')).toBe(true)
    expect(allowed('192.168.1.7')).toBe(true)
    expect(allowed('192.168.1.8')).toBe(false)
    expect(allowed('11.0.0.1')).toBe(false)
  })

  it('matches IPv6 ranges and single addresses', () => {
    const allowed = ipAllowList(['2001:db8::/32', '::1'])

    expect(allowed('2001:db8:ffff::42')).toBe(true)
    expect(allowed('2001:0db8:0000::1')).toBe(true)
    expect(allowed('::1')).toBe(true)
    expect(allowed('2001:db9::1')).toBe(false)
    expect(allowed('127.0.0.1')).toBe(false)
  })

  it('matches IPv4-mapped IPv6 addresses against IPv4 ranges, dotted or hex', () => {
    const allowed = ipAllowList(['10.0.0.0/24'])

    expect(allowed('::ffff:10.0.0.5')).toBe(true)
    expect(allowed('::ffff:a00:5')).toBe(true)
    expect(allowed('::ffff:10.0.1.5')).toBe(false)
    // Not mapped: the deprecated IPv4-compatible form is a different IPv6 address.
    expect(allowed('::10.0.0.5')).toBe(false)
  })

  it('matches IPv4 addresses against an IPv4-mapped IPv6 range', () => {
    expect(ipAllowList(['::ffff:10.0.0.0/104'])('10.0.0.9')).toBe(true)
  })

  it('ignores host bits of a range', () => {
    expect(ipAllowList(['10.0.0.5/8'])('10.9.9.9')).toBe(true)
  })

  it('never matches an unknown, empty or malformed caller address', () => {
    const allowed = ipAllowList(['0.0.0.0/0', '::/0'])

    expect(allowed(null)).toBe(false)
    expect(allowed('')).toBe(false)
    expect(allowed('localhost')).toBe(false)
    expect(allowed('10.0.0.256')).toBe(false)
  })

  it('matches nothing when empty', () => {
    expect(ipAllowList([])('127.0.0.1')).toBe(false)
  })

  it('refuses malformed entries', () => {
    expect(() => ipAllowList(['10.0.0.0/33'])).toThrow(/prefix/)
    expect(() => ipAllowList(['2001:db8::/129'])).toThrow(/prefix/)
    expect(() => ipAllowList(['10.0.0.0/x'])).toThrow(/prefix/)
    expect(() => ipAllowList(['10.0.0.0/'])).toThrow(/prefix/)
    expect(() => ipAllowList(['example.org'])).toThrow(/not an IP/)
  })
})

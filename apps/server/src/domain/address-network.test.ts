import { describe, expect, it } from 'vitest'

import { networkOf } from './address-network.js'

describe('networkOf', () => {
  it('keeps IPv4 addresses whole', () => {
    expect(networkOf('203.0.113.9')).toBe('203.0.113.9')
  })

  it('counts IPv6 addresses by their /64', () => {
    expect(networkOf('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(networkOf('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64')
    expect(networkOf('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(networkOf('::1')).toBe('0:0:0:0::/64')
    expect(networkOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64')
    expect(networkOf('64:ff9b::203.0.113.9')).toBe('64:ff9b:0:0::/64')
    expect(networkOf('1:2:3:4:5:6:7:8')).toBe('1:2:3:4::/64')
    expect(networkOf('1:2:3::')).toBe('1:2:3:0::/64')
  })

  it('names a missing address', () => {
    expect(networkOf(null)).toBe('unknown')
  })
})

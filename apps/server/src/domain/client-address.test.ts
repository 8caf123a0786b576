import { describe, expect, it } from 'vitest'

import { createClientAddressResolver, normaliseAddress } from './client-address.js'

describe('normaliseAddress', () => {
  it('turns IPv4-mapped IPv6 into IPv4 and lower-cases IPv6', () => {
    expect(normaliseAddress('::ffff:10.0.0.5')).toBe('10.0.0.5')
    expect(normaliseAddress('::FFFF:10.0.0.5')).toBe('10.0.0.5')
    expect(normaliseAddress('2001:DB8::1')).toBe('2001:db8::1')
    expect(normaliseAddress('203.0.113.9')).toBe('203.0.113.9')
  })

  it('refuses what is not an address', () => {
    expect(normaliseAddress('localhost')).toBeNull()
    expect(normaliseAddress('10.0.0.256')).toBeNull()
    expect(normaliseAddress('')).toBeNull()
  })
})

describe('createClientAddressResolver', () => {
  const resolve = createClientAddressResolver(['10.0.0.0/8', 'fd00::/8'])

  it('uses the socket peer when no proxy is trusted', () => {
    const untrusting = createClientAddressResolver([])

    expect(untrusting('203.0.113.9', '198.51.100.1')).toBe('203.0.113.9')
    expect(untrusting('::ffff:203.0.113.9', undefined)).toBe('203.0.113.9')
    expect(untrusting(null, '198.51.100.1')).toBeNull()
  })

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(resolve('198.51.100.4', '203.0.113.9')).toBe('198.51.100.4')
  })

  it('takes the right-most address that is not a trusted proxy', () => {
    expect(resolve('10.0.0.2', '203.0.113.9')).toBe('203.0.113.9')
    expect(resolve('10.0.0.2', '6.6.6.6, 203.0.113.9, 10.0.0.7')).toBe('203.0.113.9')
    expect(resolve('::ffff:10.0.0.2', '203.0.113.9,10.1.1.1')).toBe('203.0.113.9')
    expect(resolve('fd00::2', '2001:db8::7')).toBe('2001:db8::7')
  })

  it('reads hops with ports and brackets', () => {
    expect(resolve('10.0.0.2', '203.0.113.9:51234')).toBe('203.0.113.9')
    expect(resolve('10.0.0.2', '[2001:db8::7]:443')).toBe('2001:db8::7')
    expect(resolve('10.0.0.2', '[2001:db8::7]')).toBe('2001:db8::7')
  })

  it('stops at the last trusted hop when an entry is not an address', () => {
    expect(resolve('10.0.0.2', '203.0.113.9, unknown')).toBe('10.0.0.2')
    expect(resolve('10.0.0.2', '203.0.113.9, garbage, 10.0.0.7')).toBe('10.0.0.7')
    expect(resolve('10.0.0.2', '')).toBe('10.0.0.2')
  })

  it('takes the left-most hop when every hop is a trusted proxy', () => {
    expect(resolve('10.0.0.2', '10.0.0.9, 10.0.0.8')).toBe('10.0.0.9')
  })
})

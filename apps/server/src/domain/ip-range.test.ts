import { describe, expect, it } from 'vitest'

import { allowListWithin, rangeWithin } from './ip-range.js'

describe('rangeWithin', () => {
  it('compares IPv4 ranges and single addresses', () => {
    expect(rangeWithin('10.1.0.0/16', '10.0.0.0/8')).toBe(true)
    expect(rangeWithin('10.1.2.3', '10.0.0.0/8')).toBe(true)
    expect(rangeWithin('10.0.0.0/8', '10.0.0.0/8')).toBe(true)
    expect(rangeWithin('10.0.0.0/7', '10.0.0.0/8')).toBe(false)
    expect(rangeWithin('11.0.0.1', '10.0.0.0/8')).toBe(false)
    expect(rangeWithin('10.0.0.0/8', '10.1.2.3')).toBe(false)
  })

  it('compares IPv6 ranges, whatever the notation', () => {
    expect(rangeWithin('2001:db8:42::/48', '2001:db8::/32')).toBe(true)
    expect(rangeWithin('2001:0db8:0000::1', '2001:db8::/32')).toBe(true)
    expect(rangeWithin('2001:db9::/48', '2001:db8::/32')).toBe(false)
    expect(rangeWithin('::/0', '2001:db8::/32')).toBe(false)
  })

  it('places IPv4 inside the IPv6 space as the allow-list matcher does', () => {
    expect(rangeWithin('10.0.0.0/8', '::/0')).toBe(true)
    expect(rangeWithin('10.1.0.0/16', '::ffff:10.0.0.0/104')).toBe(true)
    expect(rangeWithin('::ffff:10.1.0.0/112', '10.0.0.0/8')).toBe(true)
    expect(rangeWithin('::/0', '0.0.0.0/0')).toBe(false)
    expect(rangeWithin('10.0.0.1', '::/96')).toBe(false)
  })
})

describe('allowListWithin', () => {
  it('takes an empty list as admitting everyone', () => {
    expect(allowListWithin([], [])).toBe(true)
    expect(allowListWithin(['10.0.0.0/8'], [])).toBe(true)
    expect(allowListWithin([], ['10.0.0.0/8'])).toBe(false)
  })

  it('needs each range inside one range of the outer list', () => {
    const outer = ['10.0.0.0/8', '2001:db8::/32']

    expect(allowListWithin(['10.1.0.0/16', '2001:db8:1::/48'], outer)).toBe(true)
    expect(allowListWithin(['10.1.0.0/16', '192.0.2.7'], outer)).toBe(false)
    expect(allowListWithin(['10.0.0.0/9', '10.128.0.0/9'], ['10.0.0.0/9', '10.128.0.0/9'])).toBe(
      true,
    )
  })
})

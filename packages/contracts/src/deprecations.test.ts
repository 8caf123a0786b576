import { describe, expect, it } from 'vitest'

import { DEPRECATIONS, DeprecationSchema } from './deprecations.js'

const OPERATION = /^(GET|POST|PUT|PATCH|DELETE) \/api\/\S+$/

describe('DEPRECATIONS', () => {
  it.each(Object.entries(DEPRECATIONS))('%s keeps the deprecation policy', (operation, entry) => {
    expect(operation).toMatch(OPERATION)
    expect(DeprecationSchema.parse(entry)).toEqual(entry)
  })

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(DEPRECATIONS)).toBe(true)
  })
})

describe('DeprecationSchema', () => {
  it('accepts a sunset twelve months or more after the announcement', () => {
    const entry = { since: '2026-07-01', sunset: '2027-07-01', replacement: 'GET /api/v2/clients' }

    expect(DeprecationSchema.parse(entry)).toEqual(entry)
  })

  it('refuses a sunset sooner than the policy allows', () => {
    const result = DeprecationSchema.safeParse({ since: '2026-07-01', sunset: '2027-06-30' })

    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(/at least 12 months/)
  })
})

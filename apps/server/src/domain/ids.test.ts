import { idSchema } from '@smartsteps/contracts'
import { describe, expect, it } from 'vitest'

import { newId } from './ids.js'

describe('newId', () => {
  it('matches the contract pattern of its kind and no other', () => {
    const id = newId('session')

    expect(idSchema('session').safeParse(id).success).toBe(true)
    expect(idSchema('client').safeParse(id).success).toBe(false)
  })

  it('sorts by creation time', () => {
    const earlier = newId('message', 1_700_000_000_000)
    const later = newId('message', 1_700_000_000_001)

    expect(earlier < later).toBe(true)
  })

  it('does not repeat', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId('note')))

    expect(ids.size).toBe(10_000)
  })
})

import { describe, expect, it } from 'vitest'

import { hashSecret, newApiKeySecret, newSigningSecret, randomBase62 } from './api-key-secrets.js'

describe('API key secrets', () => {
  it('have the prefix followed by exactly the configured number of letters and digits', () => {
    expect(newApiKeySecret('sk_ss_', 32)).toMatch(/^sk_ss_[A-Za-z0-9]{32}$/)
    expect(newApiKeySecret('sk_test_', 64)).toMatch(/^sk_test_[A-Za-z0-9]{64}$/)
    expect(newSigningSecret()).toMatch(/^sig_[A-Za-z0-9]{43}$/)
  })

  it('never repeat and use the whole alphabet evenly', () => {
    const sample = randomBase62(62_000)
    const counts = new Map<string, number>()

    for (const character of sample) {
      counts.set(character, (counts.get(character) ?? 0) + 1)
    }

    expect(counts.size).toBe(62)
    // 1000 expected per character; 6 standard deviations (about 190) either side.
    expect(Math.min(...counts.values())).toBeGreaterThan(800)
    expect(Math.max(...counts.values())).toBeLessThan(1200)
    expect(newApiKeySecret('sk_ss_', 32)).not.toBe(newApiKeySecret('sk_ss_', 32))
  })

  it('are stored as a SHA-256 hex digest', () => {
    expect(hashSecret('sk_ss_abc')).toMatch(/^[0-9a-f]{64}$/)
    expect(hashSecret('sk_ss_abc')).not.toBe(hashSecret('sk_ss_abd'))
  })
})

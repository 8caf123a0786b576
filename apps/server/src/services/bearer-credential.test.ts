import { describe, expect, it } from 'vitest'

import { bearerCredential } from './bearer-credential.js'

describe('bearerCredential', () => {
  it('reads the scheme in any letter case', () => {
    for (const scheme of ['Bearer', 'bearer', 'BEARER', 'bEaReR']) {
      expect(bearerCredential(`${scheme} abc.def-ghi_~+/==`)).toBe('abc.def-ghi_~+/==')
    }
  })

  it('allows several spaces after the scheme', () => {
    expect(bearerCredential('Bearer   sk_ss_key')).toBe('sk_ss_key')
  })

  it('refuses other schemes, a missing credential and characters outside a b64token', () => {
    for (const header of [undefined, '', 'Basic YWRtaW46eA==', 'Bearer', 'Bearer ', 'Bearerabc']) {
      expect(bearerCredential(header)).toBeNull()
    }
    expect(bearerCredential('Bearer a b')).toBeNull()
    expect(bearerCredential('Bearer ab=c')).toBeNull()
  })
})

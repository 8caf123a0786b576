import { describe, expect, it } from 'vitest'

import { identityOf } from './oauth-claims.js'

const NAMES = { username_claim: 'preferred_username', role_claim: 'smartsteps_role' }
const BASE = { iss: 'https://id.example.org', sub: '42', preferred_username: 'J.Smith' }

describe('identityOf', () => {
  it('maps username, email and subject, lowercasing what Smart Steps keeps lowercase', () => {
    expect(identityOf({ ...BASE, email: 'J.Smith@Example.org' }, NAMES)).toEqual({
      subject: 'https://id.example.org#42',
      username: 'j.smith',
      email: 'j.smith@example.org',
      role: null,
    })
  })

  it('reads a role from a name, a list or a nested claim, and ignores unknown names', () => {
    const nested = { ...NAMES, role_claim: 'realm_access.roles' }
    const namespaced = { ...NAMES, role_claim: 'https://smartsteps.example/role' }

    expect(identityOf({ ...BASE, smartsteps_role: 'supervisor' }, NAMES).role).toBe('supervisor')
    expect(identityOf({ ...BASE, smartsteps_role: ['offline', 'admin'] }, NAMES).role).toBe('admin')
    expect(identityOf({ ...BASE, smartsteps_role: 'root' }, NAMES).role).toBeNull()
    expect(identityOf({ ...BASE, realm_access: { roles: ['facilitator'] } }, nested).role).toBe(
      'facilitator',
    )
    expect(
      identityOf({ ...BASE, 'https://smartsteps.example/role': 'admin' }, namespaced).role,
    ).toBe('admin')
  })

  it('refuses a missing or unusable username and drops an invalid email', () => {
    expect(() => identityOf({ iss: BASE.iss, sub: '1' }, NAMES)).toThrow(/not a usable username/)
    expect(() => identityOf({ ...BASE, preferred_username: 'a b' }, NAMES)).toThrow()
    expect(identityOf({ ...BASE, email: 'not-an-email' }, NAMES).email).toBeNull()
  })
})

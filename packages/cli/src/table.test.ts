import { describe, expect, it } from 'vitest'

import { formatTable } from './table.js'

describe('formatTable', () => {
  it('aligns columns, marks empty values and neutralises terminal escapes', () => {
    const table = formatTable(
      ['name', 'scopes', 'expires_at'],
      [
        { name: 'sync', scopes: ['a', 'b'], expires_at: null },
        { name: 'evil\u001b[2Jname', scopes: [], expires_at: '2027-01-01' },
      ],
    )

    expect(table).toBe(
      [
        'NAME          SCOPES  EXPIRES_AT',
        'sync          a,b     -',
        'evil [2Jname  -       2027-01-01',
        '',
      ].join('\n'),
    )
  })
})

import { randomBytes } from 'node:crypto'

import { ID_PREFIXES, type IdKind } from '@smartsteps/contracts'

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz'

/**
 * A new id of the given kind: prefix, 10 characters of millisecond time (so ids sort by
 * creation) and 16 of randomness (80 bits), matching the contracts' id pattern.
 */
export function newId(kind: IdKind, now = Date.now()): string {
  let time = ''
  let remaining = now

  for (let index = 0; index < 10; index++) {
    time = CROCKFORD[remaining % 32] + time
    remaining = Math.floor(remaining / 32)
  }

  const random = randomBytes(16)
  let tail = ''

  for (const byte of random) {
    tail += CROCKFORD[byte % 32]
  }

  return `${ID_PREFIXES[kind]}_${time}${tail}`
}

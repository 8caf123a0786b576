import type { ValidationIssue } from '@smartsteps/contracts'

/**
 * In a `u` regular expression a well-formed surrogate pair is one code point, so only a lone
 * half matches. No Unicode text holds one: stored as UTF-8 it comes back as U+FFFD, and what is
 * read would no longer be what was written.
 */
const LONE_SURROGATE = /\p{Surrogate}/u

/** The key that plain assignment (`target[key] = value`) turns into a prototype, not data. */
const PROTOTYPE_KEY = '__proto__'

interface Visit {
  value: unknown
  key: string | null
  parent: Visit | null
}

function fieldOf(visit: Visit): string {
  const keys: string[] = []

  for (let at: Visit | null = visit; at?.key != null; at = at.parent) {
    keys.push(at.key)
  }

  return keys.reverse().join('.') || '(body)'
}

function keyHazard(key: string): string | null {
  if (key === PROTOTYPE_KEY) {
    return 'the key __proto__ is not allowed'
  }

  return LONE_SURROGATE.test(key) ? 'key must be valid Unicode text (no lone surrogates)' : null
}

/**
 * The first thing in a parsed JSON body that no route accepts: a string or key with a lone UTF-16
 * surrogate, or a `__proto__` key anywhere. Walks with its own stack, keeping only a link to each
 * value's parent, so any nesting depth costs linear time and cannot overflow the call stack.
 */
export function findJsonHazard(body: unknown): ValidationIssue | null {
  const pending: Visit[] = [{ value: body, key: null, parent: null }]

  while (pending.length > 0) {
    const visit = pending.pop()!
    const { value } = visit

    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) {
        return { field: fieldOf(visit), reason: 'must be valid Unicode text (no lone surrogates)' }
      }

      continue
    }

    if (value === null || typeof value !== 'object') {
      continue
    }

    for (const [key, child] of Object.entries(value)) {
      const childVisit: Visit = { value: child, key, parent: visit }
      const reason = keyHazard(key)

      if (reason) {
        return { field: fieldOf(childVisit), reason }
      }

      pending.push(childVisit)
    }
  }

  return null
}

import type { Deprecations } from '@smartsteps/contracts'

interface Operation {
  deprecated?: boolean
  description?: string
}

type Paths = Record<string, Record<string, Operation> | undefined>

/**
 * Marks each operation of the contracts' deprecation list `deprecated: true` and says until when
 * and what to use instead. An entry naming no operation is a mistake in the list, and fails the
 * document's generation rather than being ignored.
 */
export function markDeprecated(document: { paths?: unknown }, deprecations: Deprecations) {
  const paths = (document.paths ?? {}) as Paths

  for (const [operation, entry] of Object.entries(deprecations)) {
    const [method = '', path = ''] = operation.split(' ')
    const described = paths[path]?.[method.toLowerCase()]

    if (!described) {
      throw new Error(`The deprecation list names ${operation}, which is not an operation`)
    }

    const notice = [
      `Deprecated since ${entry.since}; may be removed after ${entry.sunset}.`,
      ...(entry.replacement ? [`Use ${entry.replacement} instead.`] : []),
    ].join(' ')

    described.deprecated = true
    described.description = described.description ? `${notice}\n\n${described.description}` : notice
  }
}

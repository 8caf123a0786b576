/** Nested fields are kept as JSON text; these helpers keep the conversion in one place. */
export function toJson(value: unknown): string {
  return JSON.stringify(value)
}

export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T
}

/** Escapes LIKE wildcards so user input matches literally (used with ESCAPE '\'). */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`
}

export function isUniqueViolation(error: unknown): error is Error & { message: string } {
  return (
    (error as { code?: string })?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    (error as { code?: string })?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  )
}

/** The column named in a UNIQUE failure message ("UNIQUE constraint failed: users.email"). */
export function violatedColumn(error: Error): string {
  return /failed: \w+\.(\w+)/.exec(error.message)?.[1] ?? 'id'
}

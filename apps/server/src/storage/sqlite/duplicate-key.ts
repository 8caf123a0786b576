import { DuplicateKeyError } from '../../ports/storage.js'

const UNIQUE_CODES = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY'])

/** Runs a write, turning SQLite's unique-constraint failure into the port's DuplicateKeyError. */
export function withDuplicateKeys<T>(write: () => T): T {
  try {
    return write()
  } catch (error) {
    if (UNIQUE_CODES.has((error as { code?: string }).code ?? '')) {
      throw new DuplicateKeyError(violatedField((error as Error).message))
    }

    throw error
  }
}

/**
 * The field named by "UNIQUE constraint failed: messages.session_id, messages.client_message_id":
 * the last column, since composite keys here are scoped by their leading columns.
 */
function violatedField(message: string): string {
  const columns = message.split(': ')[1]?.split(', ') ?? []
  return columns.at(-1)?.split('.').at(-1) ?? 'id'
}

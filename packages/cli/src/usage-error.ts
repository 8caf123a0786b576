/** The command was called wrongly (flags, environment): exit 2, as for commander's own errors. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

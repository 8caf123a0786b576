import { promptHidden } from './hidden-prompt.js'
import type { CliIo } from './io.js'
import { UsageError } from './usage-error.js'

/**
 * The new user's password: from SMARTSTEPS_NEW_PASSWORD, or typed twice at a hidden prompt.
 * Never a flag: command lines end up in shell history and process listings.
 */
export async function readNewPassword(io: CliIo): Promise<string> {
  if (io.env.SMARTSTEPS_NEW_PASSWORD) {
    return io.env.SMARTSTEPS_NEW_PASSWORD
  }

  if (!io.stdin.isTTY) {
    throw new UsageError('no password: set SMARTSTEPS_NEW_PASSWORD, or run in a terminal')
  }

  const password = await promptHidden('New password: ', io.stdin, io.stderr)
  const repeated = await promptHidden('Repeat it: ', io.stdin, io.stderr)

  if (password !== repeated) {
    throw new UsageError('the passwords differ')
  }

  return password
}

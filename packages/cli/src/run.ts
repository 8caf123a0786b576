import { CommanderError } from 'commander'

import type { CommandContext } from './commands/leaf-command.js'
import { errorLine } from './error-line.js'
import type { CliIo } from './io.js'
import { buildProgram } from './program.js'
import { UsageError } from './usage-error.js'

export const EXIT_OK = 0
export const EXIT_FAILED = 1
export const EXIT_USAGE = 2

/**
 * Runs one command line (without the node and script arguments) and answers its exit code.
 * Never throws and never exits the process, so tests and other programs can call it in-process.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const context: CommandContext = { io, exitCode: EXIT_OK }

  try {
    await buildProgram(context).parseAsync([...argv], { from: 'user' })
    return context.exitCode
  } catch (error) {
    // Commander has already printed its message (or the help and version it was asked for).
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE
    }

    io.stderr.write(errorLine(error))
    return error instanceof UsageError ? EXIT_USAGE : EXIT_FAILED
  }
}

import type { Command } from 'commander'

import { CONNECTION_HELP, type ConnectionFlags } from '../connection.js'
import type { CliIo } from '../io.js'
import { Output } from '../output.js'

export interface CommonFlags extends ConnectionFlags {
  json?: boolean
}

/** What each command's action needs besides its flags. */
export interface CommandContext {
  io: CliIo
  /** Set by a command whose call succeeded but whose answer is a failure (health unavailable). */
  exitCode: number
}

/**
 * A command that does the work, with the flags every such command takes. They are declared on
 * each one, not once on the program, so they may follow the command name as operators type them.
 */
export function leafCommand(parent: Command, nameAndArguments: string, description: string) {
  return parent
    .command(nameAndArguments)
    .description(description)
    .option('--url <url>', CONNECTION_HELP.url)
    .option('--username <username>', CONNECTION_HELP.username)
    .option('--json', 'print JSON for scripts instead of lines and tables')
}

export function outputFor(context: CommandContext, flags: CommonFlags): Output {
  return new Output(context.io.stdout, context.io.stderr, flags.json ?? false)
}

/** Every item of a paginated listing; the SDK walks the pages. */
export async function collect<Item>(items: AsyncIterable<Item>): Promise<Item[]> {
  const all: Item[] = []

  for await (const item of items) {
    all.push(item)
  }

  return all
}

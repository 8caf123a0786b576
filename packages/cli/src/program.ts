import { createRequire } from 'node:module'

import { Command } from 'commander'

import { addHealthCommand } from './commands/health.js'
import { addKeysCommands } from './commands/keys.js'
import type { CommandContext } from './commands/leaf-command.js'
import { addUsersCommands } from './commands/users.js'
import { DEFAULT_URL } from './connection.js'

// From src/ in tests and from dist/ when built, the package's own manifest is one level up.
const { version } = createRequire(import.meta.url)('../package.json') as { version: string }

const ENVIRONMENT_HELP = `
Connection and credentials (give one credential):
  SMARTSTEPS_URL            the server, unless --url is given (default ${DEFAULT_URL})
  SMARTSTEPS_API_KEY        an API key, sk_ss_... (SMARTSTEPS_SIGNING_SECRET signs with it)
  SMARTSTEPS_TOKEN          an access token
  SMARTSTEPS_USERNAME       sign in as this user, unless --username is given
  SMARTSTEPS_PASSWORD       that user's password
  SMARTSTEPS_NEW_PASSWORD   the password for \`users create\` (else a hidden prompt)

Passwords are never taken on the command line, where shell history and process
listings would keep them.

Exit codes: 0 done, 1 the server refused or failed, 2 wrong usage.`

/** A fresh command tree per run: commander keeps parsed state on its objects. */
export function buildProgram(context: CommandContext): Command {
  const program = new Command('smartsteps')
    .description('Operate a Smart Steps server: API keys, users and health.')
    .version(version)
    .addHelpText('after', ENVIRONMENT_HELP)
    // Before any subcommand is added: subcommands copy these settings from their parent.
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.io.stdout.write(text),
      writeErr: (text) => context.io.stderr.write(text),
    })

  addKeysCommands(program, context)
  addUsersCommands(program, context)
  addHealthCommand(program, context)

  return program
}

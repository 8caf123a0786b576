import type { CreateUserInput } from '@smartsteps/sdk'
import type { Command } from 'commander'

import { connect, CONNECTION_HELP } from '../connection.js'
import { readNewPassword } from '../new-password.js'
import { printable } from '../printable.js'
import {
  collect,
  type CommandContext,
  type CommonFlags,
  leafCommand,
  outputFor,
} from './leaf-command.js'

interface CreateFlags extends CommonFlags {
  username: string
  email: string
  role: string
}

const LIST_COLUMNS = ['user_id', 'username', 'email', 'role', 'active', 'created_at']

/** `smartsteps users ...`: accounts, for admins. */
export function addUsersCommands(program: Command, context: CommandContext): void {
  const users = program.command('users').description('create, list and deactivate users (admins)')

  // Here --username names the new account: sign in with SMARTSTEPS_USERNAME, a key or a token.
  users
    .command('create')
    .description(
      'create a user; the password comes from SMARTSTEPS_NEW_PASSWORD or a hidden prompt, never a flag',
    )
    .requiredOption('--username <username>', 'the new account: 3-64 of a-z 0-9 . _ -')
    .requiredOption('--email <email>', 'their email address')
    .requiredOption('--role <role>', 'admin, facilitator or supervisor')
    .option('--url <url>', CONNECTION_HELP.url)
    .option('--json', 'print JSON for scripts instead of lines')
    .action(async (flags: CreateFlags) => {
      // Checked before asking for a password, so a missing credential costs no typing.
      const sdk = connect({ ...(flags.url ? { url: flags.url } : {}) }, context.io.env)
      const password = await readNewPassword(context.io)
      const user = await sdk.users.create({
        username: flags.username,
        email: flags.email,
        role: flags.role as CreateUserInput['role'],
        password,
      })

      outputFor(context, flags).result(user, () => [
        `Created ${user.role} ${printable(user.username)} (${user.user_id})`,
      ])
    })

  leafCommand(users, 'list', 'list every user, newest first').action(async (flags: CommonFlags) => {
    const all = await collect(connect(flags, context.io.env).users.iterate())

    outputFor(context, flags).table(all, LIST_COLUMNS)
  })

  leafCommand(
    users,
    'deactivate <user_id>',
    'deactivate a user: their credentials stop at once',
  ).action(async (userId: string, flags: CommonFlags) => {
    const user = await connect(flags, context.io.env).users.deactivate(userId)

    outputFor(context, flags).result(user, () => [
      `Deactivated ${printable(user.username)} (${user.user_id})`,
    ])
  })
}

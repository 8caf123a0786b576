import type { CreateApiKeyInput, SmartSteps } from '@smartsteps/sdk'
import type { Command } from 'commander'

import { connect } from '../connection.js'
import type { Output } from '../output.js'
import { printable } from '../printable.js'
import { appendValue, parseDays, parseList } from './flag-parsers.js'
import {
  collect,
  type CommandContext,
  type CommonFlags,
  leafCommand,
  outputFor,
} from './leaf-command.js'

interface CreateFlags extends CommonFlags {
  name: string
  scopes: string[]
  expiry?: number
  allowIp?: string[]
  signing?: boolean
  requireSigning?: boolean
}

// The SDK exports no name for this answer's type; it is whatever creating a key returns.
type KeyWithSecret = Awaited<ReturnType<SmartSteps['apiKeys']['create']>>

const LIST_COLUMNS = ['key_id', 'name', 'status', 'scopes', 'secret_prefix', 'expires_at']

/** `smartsteps keys ...`: API keys acting as the signed-in user. */
export function addKeysCommands(program: Command, context: CommandContext): void {
  const keys = program.command('keys').description('create, list, rotate and revoke API keys')

  leafCommand(keys, 'create', 'create an API key; its secret is printed this once')
    .requiredOption('--name <name>', 'what the key is for')
    .requiredOption('--scopes <scopes>', 'what it may do, comma-separated', parseList)
    .option('--expiry <days>', "lifetime in days (default: the server's, 90 days)", parseDays)
    .option('--allow-ip <cidr>', 'only from this address or network; repeatable', appendValue)
    .option('--signing', 'also issue a signing secret for signed requests')
    .option('--require-signing', 'refuse every unsigned request with the key (implies --signing)')
    .action(async (flags: CreateFlags) => {
      const input: CreateApiKeyInput = {
        name: flags.name,
        scopes: flags.scopes as CreateApiKeyInput['scopes'],
        allowed_ips: flags.allowIp ?? [],
        signing: Boolean(flags.signing || flags.requireSigning),
        require_signing: Boolean(flags.requireSigning),
        ...(flags.expiry === undefined ? {} : { expires_in_days: flags.expiry }),
      }
      const key = await connect(flags, context.io.env).apiKeys.create(input)

      printKeyWithSecret(outputFor(context, flags), key, 'Created')
    })

  leafCommand(keys, 'list', 'list your API keys, newest first')
    .option('--all', "every user's keys (admins only)")
    .action(async (flags: CommonFlags & { all?: boolean }) => {
      const sdk = connect(flags, context.io.env)
      const all = await collect(sdk.apiKeys.iterate(flags.all ? { all: true } : {}))
      const columns = flags.all ? [...LIST_COLUMNS, 'owner_id'] : LIST_COLUMNS

      outputFor(context, flags).table(all, columns)
    })

  leafCommand(keys, 'revoke <key_id>', 'revoke an API key at once').action(
    async (keyId: string, flags: CommonFlags) => {
      await connect(flags, context.io.env).apiKeys.revoke(keyId)

      outputFor(context, flags).result({ key_id: keyId, revoked: true }, () => [
        `Revoked API key ${printable(keyId)}`,
      ])
    },
  )

  leafCommand(keys, 'rotate <key_id>', 'give an API key a new secret, printed this once').action(
    async (keyId: string, flags: CommonFlags) => {
      const key = await connect(flags, context.io.env).apiKeys.rotate(keyId)

      printKeyWithSecret(outputFor(context, flags), key, 'Rotated')
    },
  )
}

function printKeyWithSecret(output: Output, key: KeyWithSecret, verb: string): void {
  output.result(key, () => [
    ...describeKey(key, verb),
    '',
    `secret:          ${key.secret}`,
    ...(key.signing_secret ? [`signing secret:  ${key.signing_secret}`] : []),
  ])
  output.warn(
    `store the secret${key.signing_secret ? 's' : ''} now: ${key.signing_secret ? 'they' : 'it'} will not be shown again`,
  )
}

function describeKey(key: KeyWithSecret, verb: string): string[] {
  return [
    `${verb} API key ${key.key_id} (${printable(key.name)})`,
    `  scopes:       ${key.scopes.join(', ')}`,
    `  expires:      ${key.expires_at ?? 'never'}`,
    `  allowed IPs:  ${key.allowed_ips.length ? printable(key.allowed_ips.join(', ')) : 'any'}`,
    ...(key.previous_secret_expires_at
      ? [`  old secret works until ${key.previous_secret_expires_at}`]
      : []),
  ]
}

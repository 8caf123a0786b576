import type { Command } from 'commander'

import { connect } from '../connection.js'
import { printable } from '../printable.js'
import { type CommandContext, type CommonFlags, leafCommand, outputFor } from './leaf-command.js'

/** `smartsteps health`: needs no credentials; exits 1 when the server reports itself unavailable. */
export function addHealthCommand(program: Command, context: CommandContext): void {
  leafCommand(program, 'health', "the server's status; exit 1 when it is unavailable").action(
    async (flags: CommonFlags) => {
      const health = await connect(flags, context.io.env, false).health()
      const storage = health.checks.storage

      outputFor(context, flags).result(health, () => [
        `status:   ${health.status}`,
        `version:  ${printable(health.version)}`,
        `uptime:   ${Math.round(health.uptime_seconds)} s`,
        `storage:  ${storage.status}${storage.latency_ms === null ? '' : ` (${storage.latency_ms} ms)`}`,
      ])

      if (health.status !== 'ok') {
        context.exitCode = 1
      }
    },
  )
}

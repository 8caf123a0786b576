import { isAbsolute, resolve } from 'node:path'
import { parseArgs } from 'node:util'

import { REPO_ROOT } from './paths.js'

export const USAGE = `Usage: pnpm --filter @smartsteps/ws-load load [--sockets 200] [--sessions 20]
         [--messages 50] [--report docs/reports/realtime-load.md] [--timeout 120]

Loads the Smart Steps WebSocket API and a Socket.IO baseline with the same work, on loopback.
A relative --report path is taken from the repository root.`

// Bounds that keep one run short on a shared machine.
const LIMITS = { sockets: 5000, sessions: 1000, messages: 10_000, timeout: 1800 }

export interface LoadOptions {
  help: boolean
  sockets: number
  sessions: number
  messages: number
  reportPath: string
  timeoutSeconds: number
  /** The arguments as given, for the report. */
  args: string[]
}

function bounded(name: keyof typeof LIMITS, value: string): number {
  const number = Number(value)

  if (!Number.isInteger(number) || number < 1 || number > LIMITS[name]) {
    throw new Error(`--${name} must be a whole number from 1 to ${LIMITS[name]}`)
  }

  return number
}

export function readOptions(argv: string[]): LoadOptions {
  // pnpm hands a separating `--` on to the script; it carries no meaning here.
  const first = argv.findIndex((arg) => arg !== '--')
  const args = first === -1 ? [] : argv.slice(first)
  const { values } = parseArgs({
    args,
    options: {
      sockets: { type: 'string', default: '200' },
      sessions: { type: 'string', default: '20' },
      messages: { type: 'string', default: '50' },
      report: { type: 'string', default: 'docs/reports/realtime-load.md' },
      timeout: { type: 'string', default: '120' },
      help: { type: 'boolean', default: false },
    },
  })
  const sockets = bounded('sockets', values.sockets)
  const sessions = bounded('sessions', values.sessions)

  if (sockets < sessions) {
    throw new Error('--sockets must be at least --sessions: every session needs a sender')
  }

  return {
    help: values.help,
    sockets,
    sessions,
    messages: bounded('messages', values.messages),
    reportPath: isAbsolute(values.report) ? values.report : resolve(REPO_ROOT, values.report),
    timeoutSeconds: bounded('timeout', values.timeout),
    args,
  }
}

import { isAbsolute, resolve } from 'node:path'
import { parseArgs } from 'node:util'

import type { LoadSettings } from './load.js'
import { DEFAULT_SERVER_ENTRY, REPO_ROOT } from './servers.js'

export const USAGE = `Usage: pnpm bench [--duration 8] [--warmup 2] [--connections 50]
                  [--report docs/reports/benchmark.md] [--server ${DEFAULT_SERVER_ENTRY}]
                  [--log-level info]`

// Bounds that keep one run short on a shared machine.
const LIMITS = { duration: 60, warmup: 10, connections: 500 }

export interface BenchOptions {
  help: boolean
  settings: LoadSettings
  reportPath: string
  entry: string
  logLevel: string
}

export function readOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string', default: '8' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '50' },
      report: { type: 'string', default: 'docs/reports/benchmark.md' },
      server: { type: 'string', default: DEFAULT_SERVER_ENTRY },
      'log-level': { type: 'string', default: 'info' },
      help: { type: 'boolean', default: false },
    },
  })
  const bounded = (name: keyof typeof LIMITS, value: string, min: number) => {
    const number = Number(value)

    if (!Number.isInteger(number) || number < min || number > LIMITS[name]) {
      throw new Error(`--${name} must be a whole number from ${min} to ${LIMITS[name]}`)
    }

    return number
  }
  const settings: LoadSettings = {
    durationSeconds: bounded('duration', values.duration, 1),
    warmupSeconds: bounded('warmup', values.warmup, 0),
    connections: bounded('connections', values.connections, 1),
  }
  // The report path is relative to the repository root, wherever pnpm ran the script.
  const reportPath = isAbsolute(values.report) ? values.report : resolve(REPO_ROOT, values.report)

  return {
    help: values.help,
    settings,
    reportPath,
    entry: values.server,
    logLevel: values['log-level'],
  }
}

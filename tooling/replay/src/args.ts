import { isAbsolute, resolve } from 'node:path'
import { parseArgs } from 'node:util'

import { PersonaIdSchema } from '@smartsteps/contracts'

export const USAGE = `Usage: pnpm replay --data FILE [options]

Replays ESConv-format conversations against a running Smart Steps server.

  --data FILE          conversations in ESConv format (required; read at run time only)
  --url URL            server origin (default http://127.0.0.1:8543)
  --username NAME      account to log in with (default admin); an admin account creates a
                       facilitator for the run and replays as that facilitator
  --password PASS      its password (default: env SMARTSTEPS_ADMIN_PASSWORD)
  --limit N            replay only the first N conversations
  --concurrency K      conversations replayed at once (default 2)
  --persona ID         persona of every session (default dr_morgan_hayes)
  --report FILE        write a Markdown report there
  --allow-remote       allow a server that is not on loopback

Relative paths are resolved from the folder pnpm was started in: the repository root when run
through the root "pnpm replay" script.`

export class UsageError extends Error {
  override name = 'UsageError'
}

export interface ReplayArgs {
  url: URL
  username: string
  password: string
  dataPath: string
  limit: number | null
  concurrency: number
  personaId: string
  reportPath: string | null
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

const OPTIONS = {
  url: { type: 'string', default: 'http://127.0.0.1:8543' },
  username: { type: 'string', default: 'admin' },
  password: { type: 'string' },
  data: { type: 'string' },
  limit: { type: 'string' },
  concurrency: { type: 'string', default: '2' },
  persona: { type: 'string', default: 'dr_morgan_hayes' },
  report: { type: 'string' },
  'allow-remote': { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const

function parseStrict(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS }).values
  } catch (error) {
    // Unknown flags and missing values are the user's to fix, not a crash.
    throw new UsageError((error as Error).message)
  }
}

/** Parses the command line; null when only help was asked for. */
export function readArgs(argv: string[], env: NodeJS.ProcessEnv): ReplayArgs | null {
  const values = parseStrict(argv)

  if (values.help) {
    return null
  }

  const password = values.password ?? env.SMARTSTEPS_ADMIN_PASSWORD

  if (!values.data) {
    throw new UsageError('--data is required')
  }

  if (!password) {
    throw new UsageError('--password or env SMARTSTEPS_ADMIN_PASSWORD is required')
  }

  // pnpm runs the script inside the package folder; INIT_CWD is where the user typed it.
  const base = env.INIT_CWD ?? process.cwd()
  const fromBase = (path: string) => (isAbsolute(path) ? path : resolve(base, path))

  return {
    url: serverUrl(values.url, values['allow-remote']),
    username: values.username,
    password,
    dataPath: fromBase(values.data),
    limit: values.limit === undefined ? null : positiveInt('--limit', values.limit, 100_000),
    concurrency: positiveInt('--concurrency', values.concurrency, 64),
    personaId: personaId(values.persona),
    reportPath: values.report === undefined ? null : fromBase(values.report),
  }
}

function serverUrl(value: string, allowRemote: boolean): URL {
  let url: URL

  try {
    url = new URL(value)
  } catch {
    throw new UsageError(`--url is not a URL: ${value}`)
  }

  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError('--url must be http or https')
  }

  // The data is licensed for evaluation only: by default it never leaves the machine.
  if (!allowRemote && !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new UsageError(`--url ${url.hostname} is not loopback; pass --allow-remote if meant`)
  }

  return url
}

function positiveInt(name: string, value: string, max: number): number {
  const number = Number(value)

  if (!Number.isInteger(number) || number < 1 || number > max) {
    throw new UsageError(`${name} must be a whole number from 1 to ${max}, got ${value}`)
  }

  return number
}

function personaId(value: string): string {
  const parsed = PersonaIdSchema.safeParse(value)

  if (!parsed.success) {
    throw new UsageError(`--persona is not a persona id: ${value}`)
  }

  return parsed.data
}

/** The command line as typed, with the password masked, for the report. */
export function redactedCommand(argv: readonly string[]): string {
  const shown = argv.map((arg, position) => {
    if (argv[position - 1] === '--password') {
      return '***'
    }

    return arg.startsWith('--password=') ? '--password=***' : arg
  })

  return ['pnpm replay', ...shown].join(' ')
}

import { parseArgs } from 'node:util'

import { ConfigError, loadConfig } from './config/load.js'
import { DomainError } from './domain/errors.js'
import { startServer } from './server.js'
import { PersonaFileError } from './services/persona-registry.js'

const USAGE = `Usage: smartsteps-server [--config file.yaml] [--port N] [--host ADDRESS] [--data-dir DIR]

Environment: SMARTSTEPS_PORT, SMARTSTEPS_HOST, SMARTSTEPS_DATA_DIR, SMARTSTEPS_JWT_SECRET,
SMARTSTEPS_PERSONAS_DIR, SMARTSTEPS_LOG_LEVEL, SMARTSTEPS_ADMIN_PASSWORD (first start only).`

/** The exit status of a command line the server cannot read, as is usual for usage errors. */
const USAGE_EXIT_CODE = 2

/** A command line the server cannot read: the user's mistake, told in a line, not a trace. */
class UsageError extends Error {}

function readCommandLine() {
  try {
    return parseArgs({
      options: {
        config: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean' },
      },
    }).values
  } catch (error) {
    // parseArgs marks every complaint about the arguments with an ERR_PARSE_ARGS_ code.
    if ((error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS_')) {
      throw new UsageError((error as Error).message)
    }

    throw error
  }
}

async function main() {
  const values = readCommandLine()

  if (values.help) {
    console.log(USAGE)
    return
  }

  const config = loadConfig({
    file: values.config,
    env: {
      ...process.env,
      ...(values.port !== undefined ? { SMARTSTEPS_PORT: values.port } : {}),
      ...(values.host !== undefined ? { SMARTSTEPS_HOST: values.host } : {}),
      ...(values['data-dir'] !== undefined ? { SMARTSTEPS_DATA_DIR: values['data-dir'] } : {}),
    },
  })

  const server = await startServer(config, {
    adminPassword: process.env.SMARTSTEPS_ADMIN_PASSWORD || undefined,
    onAdminCreated: (generated) => {
      if (generated) {
        process.stderr.write(
          `\nCreated the admin account. Username: admin  Password: ${generated}\n` +
            'This password is shown only once; store it now.\n\n',
        )
      }
    },
  })

  const shutdown = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }

  process.once('SIGTERM', shutdown)
  process.once('SIGINT', shutdown)
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`smartsteps-server: ${error.message} (see --help)\n`)
    process.exit(USAGE_EXIT_CODE)
  }

  if (
    error instanceof ConfigError ||
    error instanceof PersonaFileError ||
    error instanceof DomainError
  ) {
    process.stderr.write(`${error.message}\n`)
  } else {
    process.stderr.write(`Failed to start: ${(error as Error).stack ?? String(error)}\n`)
  }

  process.exit(1)
})

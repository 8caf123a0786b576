import { SmartSteps, type SmartStepsOptions } from '@smartsteps/sdk'

import { UsageError } from './usage-error.js'

/** Where `--url` and SMARTSTEPS_URL both are absent: this machine only, never a remote host. */
export const DEFAULT_URL = 'http://127.0.0.1:8543'

export interface ConnectionFlags {
  url?: string
  username?: string
}

type Credential = Pick<SmartStepsOptions, 'apiKey' | 'signingSecret' | 'token' | 'credentials'>

/** The flags every command shares, so they can follow the command name (`keys list --url X`). */
export const CONNECTION_HELP = {
  url: `the server (default: SMARTSTEPS_URL, else ${DEFAULT_URL})`,
  username:
    'sign in as this user (default: SMARTSTEPS_USERNAME), with the password from SMARTSTEPS_PASSWORD: a password is never taken on the command line',
}

/**
 * An SDK client for the chosen server. `requireCredential` is false only for commands the
 * server answers without one (health).
 */
export function connect(
  flags: ConnectionFlags,
  env: Record<string, string | undefined>,
  requireCredential = true,
): SmartSteps {
  const credential = chooseCredential(flags, env)

  if (requireCredential && Object.keys(credential).length === 0) {
    throw new UsageError(
      'no credentials: set SMARTSTEPS_API_KEY or SMARTSTEPS_TOKEN, or --username (or SMARTSTEPS_USERNAME) with SMARTSTEPS_PASSWORD',
    )
  }

  try {
    // The SDK refuses plain http except to this machine; the CLI keeps that rule.
    return new SmartSteps({
      baseUrl: flags.url ?? env.SMARTSTEPS_URL ?? DEFAULT_URL,
      ...credential,
    })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
}

function chooseCredential(flags: ConnectionFlags, env: Record<string, string | undefined>) {
  const given: Credential[] = []

  if (env.SMARTSTEPS_API_KEY) {
    given.push({
      apiKey: env.SMARTSTEPS_API_KEY,
      ...(env.SMARTSTEPS_SIGNING_SECRET ? { signingSecret: env.SMARTSTEPS_SIGNING_SECRET } : {}),
    })
  }

  if (env.SMARTSTEPS_TOKEN) {
    given.push({ token: env.SMARTSTEPS_TOKEN })
  }

  const username = flags.username ?? env.SMARTSTEPS_USERNAME

  if (username) {
    if (!env.SMARTSTEPS_PASSWORD) {
      throw new UsageError('signing in as a user needs the password in SMARTSTEPS_PASSWORD')
    }

    given.push({ credentials: { username, password: env.SMARTSTEPS_PASSWORD } })
  }

  // Picking one silently could act as the wrong account: an operator's mistake to point out.
  if (given.length > 1) {
    throw new UsageError(
      'give one credential only: SMARTSTEPS_API_KEY, SMARTSTEPS_TOKEN or a username',
    )
  }

  return given[0] ?? {}
}

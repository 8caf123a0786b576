import { PassThrough } from 'node:stream'

import { configSection } from '../../../../apps/server/src/testing/config-section.js'
import {
  ADMIN_PASSWORD,
  startTestServer,
  type TestServer,
} from '../../../../apps/server/src/testing/test-server.js'
import type { CliIo } from '../io.js'
import { run } from '../run.js'

export type { TestServer }
export { ADMIN_PASSWORD }

export interface CliResult {
  code: number
  stdout: string
  stderr: string
  /** stdout parsed, for runs with --json. */
  json: any
}

/**
 * A real server on 127.0.0.1 and a random port. Rate limiting is off: these tests are about
 * the CLI, and one test's sign-ins must not throttle the next.
 */
export function startServer(): Promise<TestServer> {
  return startTestServer({
    security: configSection('security', { rate_limiting: { enabled: false } }),
  })
}

/** Environment that signs in as the seeded admin. */
export function adminEnv(server: TestServer): Record<string, string> {
  return {
    SMARTSTEPS_URL: server.url,
    SMARTSTEPS_USERNAME: 'admin',
    SMARTSTEPS_PASSWORD: ADMIN_PASSWORD,
  }
}

/** Runs the CLI in-process with this environment and no terminal on stdin. */
export async function cli(argv: string[], env: Record<string, string>): Promise<CliResult> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
    stdin: new PassThrough(),
  }
  const code = await run(argv, io)
  let json: unknown

  try {
    json = JSON.parse(stdout)
  } catch {
    json = undefined
  }

  return { code, stdout, stderr, json }
}

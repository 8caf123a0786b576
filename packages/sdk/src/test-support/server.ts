import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { configSection } from '../../../../apps/server/src/testing/config-section.js'
import {
  ADMIN_PASSWORD,
  startTestServer,
  type TestServer,
  type TestServerOptions,
} from '../../../../apps/server/src/testing/test-server.js'
import type { Credentials } from '../auth/token-keeper.js'
import type { SmartStepsOptions } from '../options.js'
import { SmartSteps } from '../smart-steps.js'

export type { TestServer }

/**
 * A real Smart Steps server on 127.0.0.1 and a random port. Rate limiting is off unless the
 * test configures it: these tests are about the SDK, and one test's calls must not throttle
 * the next.
 */
export function startServer(
  security: Record<string, unknown> = {},
  options: TestServerOptions = {},
): Promise<TestServer> {
  return startTestServer(
    { security: configSection('security', { rate_limiting: { enabled: false }, ...security }) },
    options,
  )
}

/** A data directory the test owns, for running two servers one after the other on one store. */
export function sharedDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'smartsteps-sdk-test-'))
}

export const ADMIN: Credentials = { username: 'admin', password: ADMIN_PASSWORD }

export function sdkFor(server: TestServer, options: Omit<SmartStepsOptions, 'baseUrl'> = {}) {
  return new SmartSteps({ baseUrl: server.url, ...options })
}

/** Creates a facilitator through the SDK (as admin) and returns their credentials. */
export async function newFacilitator(server: TestServer, username: string): Promise<Credentials> {
  const admin = sdkFor(server, { credentials: ADMIN })
  const password = `${username}-password-123`

  await admin.users.create({ username, email: `${username}@example.test`, password })

  return { username, password }
}

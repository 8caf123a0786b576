import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { loadConfig } from '../config/load.js'
import type { ConfigInput } from '../config/schema.js'
import { createLogger, type Logger } from '../logger.js'
import { type RunningServer, startServer } from '../server.js'

export const ADMIN_PASSWORD = 'admin-password-for-tests'

export interface TestServer extends RunningServer {
  dataDir: string
  /** fetch against the listening server with JSON in and out. */
  call(method: string, path: string, options?: CallOptions): Promise<CallResult>
  login(username?: string, password?: string): Promise<string>
  /** Creates a facilitator and returns their access token. */
  facilitator(username: string): Promise<string>
  /** Registers a client for the token's user and starts a session with the persona for it. */
  activeSession(token: string, personaId?: string): Promise<ActiveSession>
}

export interface ActiveSession {
  clientId: string
  sessionId: string
}

export interface CallOptions {
  token?: string
  body?: unknown
  rawBody?: string
  headers?: Record<string, string>
}

export interface CallResult {
  status: number
  headers: Headers
  /** Parsed JSON (or text); each test asserts the fields it cares about. */
  body: any
}

export interface TestServerOptions {
  /** Another test server's data directory, to run a second instance on one store; kept on close. */
  dataDir?: string
  /** Where the server logs; silent by default. */
  logger?: Logger
}

/** A real server on 127.0.0.1 and a random port, over a fresh data directory. */
export async function startTestServer(
  overrides: Partial<ConfigInput> = {},
  options: TestServerOptions = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'smartsteps-test-')))
  const config = loadConfig({ env: {} })
  const merged = { ...config } as Record<string, unknown>

  for (const [section, values] of Object.entries(overrides)) {
    merged[section] = { ...(config as Record<string, object>)[section], ...(values as object) }
  }

  Object.assign(merged, {
    server: { ...(merged.server as object), host: '127.0.0.1', port: 0 },
    storage: { type: 'file' as const, path: dataDir },
    logging: { level: 'silent' as const },
  })

  // The folder is this call's to remove, on close or when the server never starts.
  const removeOwnDataDir = async () => {
    if (!options.dataDir) {
      await rm(dataDir, { recursive: true, force: true })
    }
  }

  let running: RunningServer

  try {
    running = await startServer(merged as typeof config, {
      adminPassword: ADMIN_PASSWORD,
      logger: options.logger ?? createLogger('silent'),
    })
  } catch (error) {
    await removeOwnDataDir()
    throw error
  }

  async function call(
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<CallResult> {
    const headers: Record<string, string> = { ...options.headers }

    if (options.token) {
      headers.authorization = `Bearer ${options.token}`
    }

    let body: string | undefined = options.rawBody

    if (options.body !== undefined) {
      body = JSON.stringify(options.body)
      headers['content-type'] ??= 'application/json'
    }

    const response = await fetch(`${running.url}${path}`, { method, headers, body })
    const text = await response.text()
    let parsed: unknown = text

    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      // not JSON: the test sees the text
    }

    return { status: response.status, headers: response.headers, body: parsed }
  }

  async function login(username = 'admin', password = ADMIN_PASSWORD) {
    const response = await call('POST', '/api/v1/auth/login', { body: { username, password } })

    if (response.status !== 200) {
      throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`)
    }

    return response.body.token as string
  }

  async function facilitator(username: string) {
    const adminToken = await login()
    const password = `${username}-password-123`
    const created = await call('POST', '/api/v1/users', {
      token: adminToken,
      body: { username, email: `${username}@example.test`, password, role: 'facilitator' },
    })

    if (created.status !== 201) {
      throw new Error(`user creation failed: ${created.status} ${JSON.stringify(created.body)}`)
    }

    return login(username, password)
  }

  /** Fails loudly at the step that did not work, so a test never runs on a half-made session. */
  async function expectStatus(result: Promise<CallResult>, status: number, step: string) {
    const answer = await result

    if (answer.status !== status) {
      throw new Error(`${step} failed: ${answer.status} ${JSON.stringify(answer.body)}`)
    }

    return answer.body
  }

  async function activeSession(token: string, personaId = 'dr_morgan_hayes') {
    const client = await expectStatus(
      call('POST', '/api/v1/clients', { token, body: { first_name: 'Test', last_name: 'Client' } }),
      201,
      'client registration',
    )
    const session = await expectStatus(
      call('POST', '/api/v1/sessions', {
        token,
        body: { client_id: client.client_id, persona_id: personaId },
      }),
      201,
      'session creation',
    )

    await expectStatus(
      call('POST', `/api/v1/sessions/${session.session_id}/start`, { token }),
      200,
      'session start',
    )

    return { clientId: client.client_id as string, sessionId: session.session_id as string }
  }

  return {
    ...running,
    dataDir,
    call,
    login,
    facilitator,
    activeSession,
    async close() {
      try {
        await running.close()
      } finally {
        await removeOwnDataDir()
      }
    },
  }
}

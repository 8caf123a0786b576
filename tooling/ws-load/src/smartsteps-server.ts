import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, rmSync, statSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

import { type NodeChild, spawnNode, waitUntilReady } from './child-process.js'
import { onCleanup } from './cleanup.js'
import { freeLoopbackPort } from './free-port.js'
import { REPO_ROOT, SERVER_ENTRY } from './paths.js'
import { login } from './smartsteps-api.js'

/**
 * The server's per-connection frame limit (10 a second, bursts of 30) would cap each sender at
 * 10 messages a second, so the run would measure the limit instead of the fan-out. The load
 * config raises it; everything else keeps its defaults.
 */
export const RATE_LIMIT_OVERRIDE = { messages_per_second: 10_000, message_burst: 10_000 }

// The HTTP and upgrade limits (100 requests a minute per user, 1000 upgrades a minute per
// address) would refuse the setup of a large run from one address, so loopback is exempted.
const CONFIG_YAML = `# Written by @smartsteps/ws-load for one run.
realtime:
  messages_per_second: ${RATE_LIMIT_OVERRIDE.messages_per_second}
  message_burst: ${RATE_LIMIT_OVERRIDE.message_burst}
security:
  rate_limiting:
    ip_whitelist: [127.0.0.1/32, '::1/128']
`

// Warnings and errors of the server's JSON log, and any line that is not JSON (a crash).
const NOTEWORTHY = /"level":"(warn|error|fatal)"|^[^{\s]/

export interface SmartStepsServer {
  origin: string
  wsUrl: string
  /** The admin's access token. */
  token: string
  child: NodeChild
  /** When the measured build was made: the server's sources may have changed since. */
  builtAt: Date
}

async function buildIfMissing() {
  if (existsSync(resolve(REPO_ROOT, SERVER_ENTRY))) {
    return
  }

  console.log(`${SERVER_ENTRY} is missing; building the server first`)

  const build = spawn('pnpm', ['--filter', '@smartsteps/server', 'build'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  })

  const kill = () => {
    build.kill('SIGKILL')
  }

  onCleanup(kill, kill)

  const code = await new Promise<number | null>((done, fail) => {
    build.once('error', fail)
    build.once('exit', done)
  })

  if (code !== 0) {
    throw new Error(`pnpm --filter @smartsteps/server build exited with ${code}`)
  }
}

/** A folder under the system temp folder, removed by the cleanup or, failing that, on exit. */
async function temporaryFolder() {
  const folder = await mkdtemp(join(tmpdir(), 'smartsteps-ws-load-'))

  onCleanup(
    () => rm(folder, { recursive: true, force: true }),
    () => rmSync(folder, { recursive: true, force: true }),
  )

  return folder
}

/**
 * Starts the built server on a free loopback port over a fresh data folder, with a random admin
 * password and the load config, and logs in as admin. SMARTSTEPS_* variables of the caller are
 * dropped so every run starts from the same defaults.
 */
export async function startSmartSteps(): Promise<SmartStepsServer> {
  await buildIfMissing()

  const folder = await temporaryFolder()
  const dataDir = join(folder, 'data')
  const configFile = join(folder, 'ws-load.yaml')
  const port = await freeLoopbackPort()
  const origin = `http://127.0.0.1:${port}`
  const password = randomBytes(18).toString('base64url')
  const inherited = Object.entries(process.env).filter(([name]) => !name.startsWith('SMARTSTEPS_'))

  await mkdir(dataDir)
  await writeFile(configFile, CONFIG_YAML)

  const child = spawnNode({
    name: 'Smart Steps server',
    args: [
      SERVER_ENTRY,
      ...['--config', configFile],
      ...['--host', '127.0.0.1'],
      ...['--port', String(port)],
      ...['--data-dir', dataDir],
    ],
    cwd: REPO_ROOT,
    env: {
      ...Object.fromEntries(inherited),
      SMARTSTEPS_ADMIN_PASSWORD: password,
      SMARTSTEPS_LOG_LEVEL: 'warn',
    },
    noteworthy: NOTEWORTHY,
  })

  await waitUntilReady(child, `${origin}/api/health`)

  return {
    origin,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    token: await login(origin, 'admin', password),
    child,
    builtAt: statSync(resolve(REPO_ROOT, SERVER_ENTRY)).mtime,
  }
}

import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import { startChildServer, type ChildServer } from './child-server.js'
import { freeLoopbackPort } from './free-port.js'

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))

export const DEFAULT_SERVER_ENTRY = 'apps/server/dist/main.js'

/**
 * The default HTTP limits (1000 requests an hour per user, 5000 for admins) would turn most of
 * a run into 429s. The bench raises them far beyond what a run sends, so the limiter still
 * counts every request (its cost is measured) but never refuses one.
 */
const BENCH_CONFIG_YAML = `# Written by @smartsteps/bench for one run.
security:
  rate_limiting:
    default_limit: 100000000/hour
    per_ip: 100000000/hour
    per_user:
      default: 100000000/hour
      admin: 100000000/hour
`

export interface SmartStepsServer extends ChildServer {
  adminPassword: string
}

/** Node arguments to run a script; TypeScript entries go through tsx. */
function nodeArgs(script: string, args: string[]): string[] {
  return script.endsWith('.ts') ? ['--import', 'tsx', script, ...args] : [script, ...args]
}

export async function startBaseline(): Promise<ChildServer> {
  const port = await freeLoopbackPort()
  const script = fileURLToPath(new URL('./baseline-server.ts', import.meta.url))

  return startChildServer({
    name: 'baseline server',
    nodeArgs: nodeArgs(script, ['--port', String(port)]),
    env: process.env,
    cwd: REPO_ROOT,
    origin: `http://127.0.0.1:${port}`,
    readyPath: '/',
  })
}

/**
 * Starts the Smart Steps server on a free loopback port with a fresh data folder and a random
 * admin password; stopping it removes the folder. Other SMARTSTEPS_* variables of the caller
 * are dropped so every run starts from the same defaults.
 */
export async function startSmartSteps(entry: string, logLevel: string): Promise<SmartStepsServer> {
  const script = resolve(REPO_ROOT, entry)

  if (!existsSync(script)) {
    throw new Error(`${script} does not exist; run: pnpm --filter @smartsteps/server build`)
  }

  const port = await freeLoopbackPort()
  const dataDir = await mkdtemp(join(tmpdir(), 'smartsteps-bench-'))
  const adminPassword = randomBytes(18).toString('base64url')
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('SMARTSTEPS_')),
  )
  const removeData = () => rm(dataDir, { recursive: true, force: true })
  const configFile = join(dataDir, 'bench.yaml')

  try {
    await writeFile(configFile, BENCH_CONFIG_YAML)

    const server = await startChildServer({
      name: 'Smart Steps server',
      nodeArgs: nodeArgs(script, [
        '--port',
        String(port),
        '--host',
        '127.0.0.1',
        '--config',
        configFile,
      ]),
      env: {
        ...env,
        SMARTSTEPS_DATA_DIR: dataDir,
        SMARTSTEPS_ADMIN_PASSWORD: adminPassword,
        SMARTSTEPS_LOG_LEVEL: logLevel,
      },
      cwd: REPO_ROOT,
      origin: `http://127.0.0.1:${port}`,
      readyPath: '/api/health',
    })

    return { ...server, adminPassword, stop: () => server.stop().finally(removeData) }
  } catch (error) {
    await removeData()
    throw error
  }
}

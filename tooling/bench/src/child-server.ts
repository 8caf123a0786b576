import { spawn, type ChildProcess } from 'node:child_process'

export interface ChildServerSpec {
  name: string
  /** Arguments to `node`, the script first. */
  nodeArgs: string[]
  env: NodeJS.ProcessEnv
  cwd: string
  origin: string
  /** Answers 200 once the server can take load. */
  readyPath: string
  readyTimeoutMs?: number
}

export interface ChildServer {
  origin: string
  stop: () => Promise<void>
}

const STOP_GRACE_MS = 5_000
const STDERR_KEPT = 4_000

// Every child still alive; killed on any exit so no server outlives the bench.
const live = new Set<ChildProcess>()

process.on('exit', () => {
  for (const child of live) {
    child.kill('SIGKILL')
  }
})

/**
 * Starts a server as a node child process, so the load generator in this process never shares
 * an event loop with it, and resolves once `readyPath` answers 200.
 */
export async function startChildServer(spec: ChildServerSpec): Promise<ChildServer> {
  // stdout (access logs) is discarded: reading it would add work to the bench process.
  const child = spawn(process.execPath, spec.nodeArgs, {
    cwd: spec.cwd,
    env: spec.env,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''

  live.add(child)
  child.once('exit', () => live.delete(child))
  child.stderr?.setEncoding('utf8')
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_KEPT)
  })

  const stop = () => stopChild(child)

  try {
    await waitUntilReady(spec, child, () => stderr)
  } catch (error) {
    await stop()
    throw error
  }

  return { origin: spec.origin, stop }
}

async function waitUntilReady(spec: ChildServerSpec, child: ChildProcess, stderr: () => string) {
  const deadline = Date.now() + (spec.readyTimeoutMs ?? 30_000)

  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${spec.name} exited before it was ready:\n${stderr()}`)
    }

    const ready = await fetch(spec.origin + spec.readyPath, { signal: AbortSignal.timeout(1_000) })
      .then((response) => response.status === 200)
      .catch(() => false)

    if (ready) {
      return
    }

    await new Promise((resolve) => setTimeout(resolve, 100))
  }

  throw new Error(`${spec.name} was not ready at ${spec.origin} in time:\n${stderr()}`)
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve()
  }

  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS)

    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'

import { onCleanup } from './cleanup.js'

const OUTPUT_KEPT = 8_000
const NOTEWORTHY_KEPT = 5
const STOP_GRACE_MS = 5_000
const READY_POLL_MS = 100

export interface NodeChild {
  name: string
  /** The last few thousand characters the child wrote on stdout and stderr together. */
  output(): string
  /** Lines matching the spec's `noteworthy` over the child's life: how many, and the first. */
  noteworthy(): { count: number; first: string[] }
  exited(): boolean
  /** CPU time the child has used so far, in milliseconds; NaN where /proc cannot tell. */
  cpuMs(): number
  stop(): Promise<void>
}

export interface NodeChildSpec {
  name: string
  /** Arguments to `node`, the script first. */
  args: string[]
  cwd: string
  env: NodeJS.ProcessEnv
  /** Lines to count and keep, e.g. the server's warn and error log lines. */
  noteworthy?: RegExp
}

/**
 * Runs a script in its own node process, so the load clients in this process never share an
 * event loop with the server they measure. It is stopped by the run's cleanup, and killed on
 * exit if that never ran.
 */
export function spawnNode(spec: NodeChildSpec): NodeChild {
  const child = spawn(process.execPath, spec.args, {
    cwd: spec.cwd,
    env: spec.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const noteworthy = { count: 0, first: [] as string[] }

  function collector() {
    let partial = ''

    return (chunk: string) => {
      const lines = (partial + chunk).split('\n')

      output = (output + chunk).slice(-OUTPUT_KEPT)
      partial = lines.pop() ?? ''

      for (const line of lines.filter((text) => spec.noteworthy?.test(text))) {
        noteworthy.count += 1

        if (noteworthy.first.length < NOTEWORTHY_KEPT) {
          noteworthy.first.push(line)
        }
      }
    }
  }

  child.stdout.setEncoding('utf8').on('data', collector())
  child.stderr.setEncoding('utf8').on('data', collector())

  const stop = () => stopChild(child)

  onCleanup(stop, () => child.kill('SIGKILL'))

  return {
    name: spec.name,
    output: () => output,
    noteworthy: () => ({ count: noteworthy.count, first: [...noteworthy.first] }),
    exited: () => child.exitCode !== null || child.signalCode !== null,
    cpuMs: () => cpuMsOf(child.pid),
    stop,
  }
}

// Linux reports CPU time in ticks of USER_HZ, which is 100 on every mainstream kernel build.
const TICKS_PER_SECOND = 100

function cpuMsOf(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name, in parentheses, may hold spaces; fields are counted after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ticks = Number(fields[11]) + Number(fields[12])

    return (ticks / TICKS_PER_SECOND) * 1000
  } catch {
    return Number.NaN
  }
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

/** Polls `url` until it answers 200; fails early when the child dies first. */
export async function waitUntilReady(child: NodeChild, url: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs

  while (Date.now() < deadline) {
    if (child.exited()) {
      throw new Error(`${child.name} exited before it was ready:\n${child.output()}`)
    }

    const ready = await fetch(url, { signal: AbortSignal.timeout(1_000) })
      .then((response) => response.status === 200)
      .catch(() => false)

    if (ready) {
      return
    }

    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS))
  }

  throw new Error(`${child.name} did not answer ${url} in time:\n${child.output()}`)
}

import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** `--import tsx` is resolved from the working directory; tsx is installed at the repo root. */
const REPO_ROOT = fileURLToPath(new URL('../../../../../../', import.meta.url))

export interface Child {
  readonly process: ChildProcess
  /** Complete lines the child printed so far; a line cut short by a kill is not among them. */
  readonly lines: string[]
  /** Resolves once `count` lines are in; rejects with the child's stderr if it ends first. */
  waitForLines(count: number): Promise<void>
  send(line: string): void
  /** SIGKILL, then wait until the process and its pipes are closed. */
  kill(): Promise<void>
}

/** Starts TypeScript scripts as child processes and guarantees they are all gone at the end. */
export function childProcesses() {
  const running = new Set<Child>()

  function start(script: string, args: string[]): Child {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: REPO_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    const lines: string[] = []
    const waiters: { count: number; resolve(): void; reject(error: Error): void }[] = []
    let partial = ''
    let stderr = ''

    const closed = new Promise<void>((resolve) => {
      child.once('close', (code, signal) => {
        for (const waiter of waiters.splice(0)) {
          waiter.reject(
            new Error(`${script} ended (${code ?? signal}) after ${lines.length} lines: ${stderr}`),
          )
        }

        resolve()
      })
    })

    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout!.on('data', (chunk: Buffer) => {
      const parts = (partial + chunk.toString()).split('\n')
      partial = parts.pop()!
      lines.push(...parts)

      for (const waiter of [...waiters]) {
        if (lines.length >= waiter.count) {
          waiters.splice(waiters.indexOf(waiter), 1)
          waiter.resolve()
        }
      }
    })

    const handle: Child = {
      process: child,
      lines,
      waitForLines(count) {
        if (lines.length >= count) {
          return Promise.resolve()
        }

        return new Promise((resolve, reject) => waiters.push({ count, resolve, reject }))
      },
      send(line) {
        child.stdin!.write(`${line}\n`)
      },
      async kill() {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGKILL')
        }

        await closed
        running.delete(handle)
      },
    }

    running.add(handle)
    return handle
  }

  async function killAll(): Promise<void> {
    await Promise.all([...running].map((child) => child.kill()))
  }

  return { start, killAll }
}

import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import { temporaryFolders } from './testing/temporary-folders.js'

/** `--import tsx` is resolved from the working directory; tsx is installed at the repo root. */
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url))

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

describe('the server command line', () => {
  const temporaryFolder = temporaryFolders('smartsteps-cli-')

  /**
   * Runs the entry point. Should it start a server after all, it listens on a random loopback
   * port over a throwaway data folder and is killed when the time runs out.
   */
  function run(...args: string[]): Promise<Run> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', MAIN, ...args],
        {
          cwd: REPO_ROOT,
          timeout: 20_000,
          env: {
            ...process.env,
            SMARTSTEPS_HOST: '127.0.0.1',
            SMARTSTEPS_PORT: '0',
            SMARTSTEPS_DATA_DIR: temporaryFolder(),
          },
        },
        (error, stdout, stderr) => {
          resolve({
            code: error ? ((error.code as number | undefined) ?? null) : 0,
            stdout,
            stderr,
          })
        },
      )
    })
  }

  // Each assertion is on the whole run, so a failure shows what the process printed.
  it('answers an unknown flag with a one-line usage error and exit status 2', async () => {
    const result = await run('--no-such-flag')

    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: "smartsteps-server: Unknown option '--no-such-flag' (see --help)\n",
    })
  })

  it('answers a flag missing its value and a stray argument the same way', async () => {
    const missingValue = await run('--port')
    const stray = await run('serve')

    expect(missingValue).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^smartsteps-server: Option '--port <value>' [^\n]*\n$/),
    })
    expect(stray).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^smartsteps-server: Unexpected argument 'serve'[^\n]*\n$/),
    })
  })

  it('prints the usage for --help and exits 0', async () => {
    const result = await run('--help')

    expect(result).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Usage: smartsteps-server /),
      stderr: '',
    })
  })
})

import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startServer, type TestServer } from './test-support/cli-harness.js'

const BIN = fileURLToPath(new URL('../dist/cli.js', import.meta.url))

/** The built bin in a child node, as operators run it (after `pnpm turbo run build`). */
async function runBin(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { env })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

describe('the built smartsteps bin', () => {
  let server: TestServer

  beforeAll(async () => {
    server = await startServer()
  })

  afterAll(() => server.close())

  it('answers health, and exits 2 on an unknown flag', async () => {
    const env = { PATH: process.env.PATH ?? '', SMARTSTEPS_URL: server.url }
    const health = await runBin(['health'], env)
    const unknown = await runBin(['health', '--no-such-flag'], env)

    expect(health).toMatchObject({ code: 0, stderr: '' })
    expect(health.stdout).toMatch(/^status: +ok$/m)
    expect(unknown).toEqual({
      code: 2,
      stdout: '',
      stderr: "error: unknown option '--no-such-flag'\n",
    })
  })
})

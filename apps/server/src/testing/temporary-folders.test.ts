import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { temporaryFolders } from './temporary-folders.js'
import { startTestServer } from './test-server.js'

describe('temporaryFolders', () => {
  const temporaryFolder = temporaryFolders('smartsteps-folders-')
  let made = ''

  it('makes a fresh folder under the temp dir', () => {
    made = temporaryFolder()

    expect(existsSync(made)).toBe(true)
    expect(made.startsWith(tmpdir())).toBe(true)
  })

  it('has removed it once the test that made it ended', () => {
    expect(made).not.toBe('')
    expect(existsSync(made)).toBe(false)
  })
})

describe('startTestServer', () => {
  // A private temp dir for this file's process, so what is left behind is this file's doing.
  const realTmpdir = process.env.TMPDIR
  let privateTmp = ''

  beforeAll(() => {
    privateTmp = mkdtempSync(join(tmpdir(), 'smartsteps-own-tmp-'))
    process.env.TMPDIR = privateTmp
  })

  afterAll(() => {
    if (realTmpdir === undefined) {
      delete process.env.TMPDIR
    } else {
      process.env.TMPDIR = realTmpdir
    }

    rmSync(privateTmp, { recursive: true, force: true })
  })

  it('removes its data folder on close', async () => {
    const server = await startTestServer()

    expect(readdirSync(privateTmp)).toHaveLength(1)

    await server.close()

    expect(readdirSync(privateTmp)).toEqual([])
  })

  it('removes its data folder when the server fails to start', async () => {
    await expect(
      startTestServer({ personas: { path: join(privateTmp, 'no-such-personas') } }),
    ).rejects.toThrow()

    expect(readdirSync(privateTmp)).toEqual([])
  })
})

import { isAbsolute } from 'node:path'

import { describe, expect, it } from 'vitest'

import { readOptions } from './options.js'
import { REPO_ROOT } from './paths.js'

describe('readOptions', () => {
  it('defaults to 200 sockets over 20 sessions, 50 messages each, reported under docs/', () => {
    const options = readOptions([])

    expect(options).toMatchObject({ sockets: 200, sessions: 20, messages: 50, timeoutSeconds: 120 })
    expect(options.reportPath).toBe(`${REPO_ROOT}docs/reports/realtime-load.md`)
  })

  it('ignores the `--` that pnpm passes on', () => {
    const options = readOptions(['--', '--sockets', '1000', '--sessions', '50'])

    expect(options).toMatchObject({
      sockets: 1000,
      sessions: 50,
      args: ['--sockets', '1000', '--sessions', '50'],
    })
  })

  it('keeps an absolute report path as it is', () => {
    expect(readOptions(['--report', '/tmp/load.md']).reportPath).toBe('/tmp/load.md')
    expect(isAbsolute(readOptions(['--report', 'out.md']).reportPath)).toBe(true)
  })

  it('refuses fewer sockets than sessions, and counts that are not whole numbers', () => {
    expect(() => readOptions(['--sockets', '5', '--sessions', '10'])).toThrow(/at least --sessions/)
    expect(() => readOptions(['--messages', '2.5'])).toThrow(/whole number/)
    expect(() => readOptions(['--sockets', '0'])).toThrow(/whole number/)
  })
})

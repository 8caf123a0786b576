import { describe, expect, it } from 'vitest'

import { readArgs, redactedCommand, UsageError } from './args.js'

const env = { INIT_CWD: '/repo' }

describe('readArgs', () => {
  it('resolves paths from where the command was typed and defaults to loopback', () => {
    const args = readArgs(['--data', 'data.json', '--password', 'secret', '--limit', '10'], env)

    expect(args?.dataPath).toBe('/repo/data.json')
    expect(args?.url.href).toBe('http://127.0.0.1:8543/')
    expect(args).toMatchObject({ limit: 10, concurrency: 2, personaId: 'dr_morgan_hayes' })
  })

  it('takes the password from the environment when not given', () => {
    const args = readArgs(['--data', 'd.json'], { ...env, SMARTSTEPS_ADMIN_PASSWORD: 'from-env' })

    expect(args?.password).toBe('from-env')
  })

  it('refuses a server off loopback unless asked', () => {
    const argv = ['--data', 'd.json', '--password', 'p', '--url', 'http://example.test:8543']

    expect(() => readArgs(argv, env)).toThrow(UsageError)
    expect(readArgs([...argv, '--allow-remote'], env)?.url.hostname).toBe('example.test')
  })

  it('reports bad values and unknown flags as usage errors', () => {
    const base = ['--data', 'd.json', '--password', 'p']

    expect(() => readArgs([...base, '--limit', '0'], env)).toThrow(UsageError)
    expect(() => readArgs([...base, '--persona', 'Dr Who'], env)).toThrow(UsageError)
    expect(() => readArgs([...base, '--nope'], env)).toThrow(UsageError)
    expect(() => readArgs(['--password', 'p'], env)).toThrow(/--data/)
  })
})

describe('redactedCommand', () => {
  it('masks the password in either form', () => {
    expect(redactedCommand(['--password', 'hunter2', '--limit', '3'])).toBe(
      'pnpm replay --password *** --limit 3',
    )
    expect(redactedCommand(['--password=hunter2'])).toBe('pnpm replay --password=***')
  })
})

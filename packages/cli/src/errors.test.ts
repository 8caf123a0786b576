import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { adminEnv, cli, startServer, type TestServer } from './test-support/cli-harness.js'

describe('smartsteps errors and usage', () => {
  let server: TestServer

  beforeAll(async () => {
    server = await startServer()
  })

  afterAll(() => server.close())

  it("reports bad credentials in one line with the envelope's code and request id, exit 1", async () => {
    const answer = await server.call('POST', '/api/v1/auth/login', {
      body: { username: 'admin', password: 'not-the-password' },
    })
    const refused = await cli(['keys', 'list'], {
      SMARTSTEPS_URL: server.url,
      SMARTSTEPS_USERNAME: 'admin',
      SMARTSTEPS_PASSWORD: 'not-the-password',
    })
    const match = /^error: (.+) \((\w+), request (\S+)\)\n$/.exec(refused.stderr)

    expect(refused.code).toBe(1)
    expect(refused.stdout).toBe('')
    expect(match?.[1]).toBe(answer.body.error.message)
    expect(match?.[2]).toBe(answer.body.error.code)
    expect(match?.[3]).toMatch(/\S/)
    expect(match?.[3]).not.toBe('unknown')
    expect(refused.stderr).not.toContain('    at ')
  })

  it('exits 2 when a required flag is missing', async () => {
    const missing = await cli(['keys', 'create', '--scopes', 'keys:read'], adminEnv(server))

    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain("required option '--name <name>' not specified")
  })

  it('exits 2 on a bad --expiry, an unknown command and missing credentials', async () => {
    const env = { SMARTSTEPS_URL: server.url }
    const badExpiry = await cli(
      ['keys', 'create', '--name', 'x', '--scopes', 'keys:read', '--expiry', 'soon'],
      adminEnv(server),
    )

    expect(badExpiry.code).toBe(2)
    expect(badExpiry.stderr).toContain('a whole number of days')
    expect((await cli(['keys', 'destroy'], env)).code).toBe(2)
    expect(await cli(['users', 'list'], env)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^error: no credentials: /),
    })
  })

  it('refuses two credentials at once rather than choosing one', async () => {
    const both = await cli(['keys', 'list'], { ...adminEnv(server), SMARTSTEPS_TOKEN: 'a-token' })

    expect(both.code).toBe(2)
    expect(both.stderr).toContain('give one credential only')
  })

  it('reports the health of the server without credentials', async () => {
    const health = await cli(['health', '--json', '--url', server.url], {})

    expect(health.code).toBe(0)
    expect(health.json).toMatchObject({ status: 'ok', checks: { storage: { status: 'ok' } } })
  })

  it('refuses plain http to another machine', async () => {
    const refused = await cli(['health', '--url', 'http://example.test'], {})

    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/^error: /)
  })
})

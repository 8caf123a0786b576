import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { adminEnv, cli, startServer, type TestServer } from './test-support/cli-harness.js'

describe('smartsteps users', () => {
  let server: TestServer
  let admin: Record<string, string>

  beforeAll(async () => {
    server = await startServer()
    admin = adminEnv(server)
  })

  afterAll(() => server.close())

  it('creates a user with the password from SMARTSTEPS_NEW_PASSWORD, who can then sign in', async () => {
    const created = await cli(
      [
        'users',
        'create',
        '--username',
        'r.okafor',
        '--email',
        'r.okafor@example.test',
        '--role',
        'supervisor',
        '--json',
      ],
      { ...admin, SMARTSTEPS_NEW_PASSWORD: 'lantern-quarry-river-88' },
    )

    expect(created.code).toBe(0)
    expect(created.json).toMatchObject({ username: 'r.okafor', role: 'supervisor', active: true })
    await expect(server.login('r.okafor', 'lantern-quarry-river-88')).resolves.toBeTruthy()
  })

  it('refuses to create a user without a password when stdin is no terminal', async () => {
    const refused = await cli(
      [
        'users',
        'create',
        '--username',
        'no.password',
        '--email',
        'np@example.test',
        '--role',
        'facilitator',
      ],
      admin,
    )

    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('SMARTSTEPS_NEW_PASSWORD')
  })

  it('lists users as a table and as JSON', async () => {
    const table = await cli(['users', 'list'], admin)
    const json = await cli(['users', 'list', '--json'], admin)

    expect(table.code).toBe(0)
    expect(table.stdout.split('\n')[0]).toMatch(/^USER_ID +USERNAME +EMAIL +ROLE +ACTIVE/)
    expect(table.stdout).toContain('r.okafor')
    expect(json.json.map((user: { username: string }) => user.username)).toEqual(
      expect.arrayContaining(['admin', 'r.okafor']),
    )
  })

  it('deactivates a user, whose sign-in then fails', async () => {
    const listed = (await cli(['users', 'list', '--json'], admin)).json
    const user = listed.find((candidate: { username: string }) => candidate.username === 'r.okafor')
    const deactivated = await cli(['users', 'deactivate', user.user_id], admin)
    const refused = await cli(['users', 'list'], {
      SMARTSTEPS_URL: server.url,
      SMARTSTEPS_USERNAME: 'r.okafor',
      SMARTSTEPS_PASSWORD: 'lantern-quarry-river-88',
    })

    expect(deactivated).toMatchObject({
      code: 0,
      stdout: `Deactivated r.okafor (${user.user_id})\n`,
    })
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/^error: .+ \(authentication_error, request \S+\)\n$/)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { adminEnv, cli, startServer, type TestServer } from './test-support/cli-harness.js'

const DAY_MS = 24 * 60 * 60 * 1000

describe('smartsteps keys', () => {
  let server: TestServer
  let admin: Record<string, string>

  beforeAll(async () => {
    server = await startServer()
    admin = adminEnv(server)
  })

  afterAll(() => server.close())

  /** Environment that authenticates with an API key only. */
  const keyEnv = (secret: string) => ({ SMARTSTEPS_URL: server.url, SMARTSTEPS_API_KEY: secret })

  it('creates a key that expires in --expiry days, prints its secret once, and the secret works', async () => {
    const created = await cli(
      [
        'keys',
        'create',
        '--name',
        'Nightly export',
        '--scopes',
        'keys:read,users:read',
        '--expiry',
        '30',
        '--json',
      ],
      admin,
    )

    expect(created.code).toBe(0)
    expect(created.stderr).toContain('will not be shown again')
    expect(created.json.secret).toMatch(/^sk_ss_/)
    expect(created.json.scopes).toEqual(['keys:read', 'users:read'])
    expect(Math.abs(Date.parse(created.json.expires_at) - (Date.now() + 30 * DAY_MS))).toBeLessThan(
      60_000,
    )

    const listed = await cli(['keys', 'list', '--json'], keyEnv(created.json.secret))

    expect(listed.code).toBe(0)
    expect(listed.json.map((key: { key_id: string }) => key.key_id)).toContain(created.json.key_id)
    expect(listed.stdout).not.toContain(created.json.secret)
  })

  it('prints the secret and the signing secret in the readable form, with the warning', async () => {
    const created = await cli(
      [
        'keys',
        'create',
        '--name',
        'Signed sync',
        '--scopes',
        'clients:read',
        '--signing',
        '--allow-ip',
        '127.0.0.1',
        '--allow-ip',
        '::1',
      ],
      admin,
    )

    expect(created.code).toBe(0)
    expect(created.stdout).toMatch(/^secret: +sk_ss_\S+$/m)
    expect(created.stdout).toMatch(/^signing secret: +\S+$/m)
    expect(created.stdout).toContain('allowed IPs:  127.0.0.1, ::1')
    expect(created.stderr).toBe('warning: store the secrets now: they will not be shown again\n')
  })

  it("lists keys as a table, and every user's with --all", async () => {
    const mine = await cli(['keys', 'list'], admin)
    const everyone = await cli(['keys', 'list', '--all'], admin)

    expect(mine.code).toBe(0)
    expect(mine.stdout.split('\n')[0]).toMatch(/^KEY_ID +NAME +STATUS +SCOPES +SECRET_PREFIX/)
    expect(mine.stdout).toContain('Nightly export')
    expect(everyone.stdout.split('\n')[0]).toContain('OWNER_ID')
  })

  it('rotates a key: a new secret, the old one working for the grace period', async () => {
    const key = (
      await cli(['keys', 'create', '--name', 'rotating', '--scopes', 'keys:read', '--json'], admin)
    ).json
    const rotated = await cli(['keys', 'rotate', key.key_id, '--json'], admin)

    expect(rotated.code).toBe(0)
    expect(rotated.stderr).toContain('will not be shown again')
    expect(rotated.json.secret).not.toBe(key.secret)
    expect(rotated.json.previous_secret_expires_at).not.toBeNull()
    expect((await cli(['keys', 'list'], keyEnv(rotated.json.secret))).code).toBe(0)
    expect((await cli(['keys', 'list'], keyEnv(key.secret))).code).toBe(0)
  })

  it('revokes a key, after which it fails with the API error line', async () => {
    const key = (
      await cli(['keys', 'create', '--name', 'doomed', '--scopes', 'keys:read', '--json'], admin)
    ).json
    const revoked = await cli(['keys', 'revoke', key.key_id], admin)
    const refused = await cli(['keys', 'list'], keyEnv(key.secret))

    expect(revoked).toMatchObject({ code: 0, stdout: `Revoked API key ${key.key_id}\n` })
    expect(refused.code).toBe(1)
    expect(refused.stdout).toBe('')
    expect(refused.stderr).toMatch(/^error: .+ \(authentication_error, request \S+\)\n$/)
  })
})

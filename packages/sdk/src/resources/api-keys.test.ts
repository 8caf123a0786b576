import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { SmartStepsError } from '../errors/index.js'
import type { SmartSteps } from '../smart-steps.js'
import { newFacilitator, sdkFor, startServer, type TestServer } from '../test-support/server.js'

describe('API keys', () => {
  let server: TestServer
  let owner: SmartSteps

  beforeAll(async () => {
    server = await startServer()
    owner = sdkFor(server, { credentials: await newFacilitator(server, 'keys.owner') })
  })

  afterAll(() => server.close())

  it('creates a key whose secret authenticates an SDK client, within its scopes only', async () => {
    const key = await owner.apiKeys.create({
      name: 'Case-management sync',
      scopes: ['clients:read', 'clients:write'],
    })
    const system = sdkFor(server, { apiKey: key.secret })

    const created = await system.clients.create({ first_name: 'Kim', last_name: 'Park' })

    expect(created.created_by).toBe(key.owner_id)
    expect((await system.clients.list()).clients.map((c) => c.client_id)).toEqual([
      created.client_id,
    ])
    await expect(system.sessions.list()).rejects.toMatchObject({
      status: 403,
      code: 'permission_denied',
    })
    expect(() => system.auth.login({ username: 'keys.owner', password: 'x' })).toThrow(TypeError)
  })

  it('lists keys without their secrets, page after page', async () => {
    const secrets = []

    for (const name of ['first', 'second']) {
      secrets.push((await owner.apiKeys.create({ name, scopes: ['sessions:read'] })).secret)
    }

    const page = await owner.apiKeys.list({ limit: 1 })
    const names: string[] = []

    for await (const key of owner.apiKeys.iterate({ limit: 1 })) {
      names.push(key.name)
    }

    expect(page.pagination).toMatchObject({ page_size: 1, pages: 3, total: 3 })
    expect(names).toEqual(['second', 'first', 'Case-management sync'])

    for (const secret of secrets) {
      expect(JSON.stringify(page)).not.toContain(secret)
    }
  })

  it('rotates a key, keeping the old secret for the grace period, and revokes it at once', async () => {
    const key = await owner.apiKeys.create({ name: 'rotating', scopes: ['clients:read'] })
    const rotated = await owner.apiKeys.rotate(key.key_id)

    expect(rotated.secret).not.toBe(key.secret)
    expect(rotated.previous_secret_expires_at).not.toBeNull()
    await expect(sdkFor(server, { apiKey: key.secret }).clients.list()).resolves.toBeTruthy()
    await expect(sdkFor(server, { apiKey: rotated.secret }).clients.list()).resolves.toBeTruthy()

    await owner.apiKeys.revoke(key.key_id)
    await owner.apiKeys.revoke(key.key_id) // twice is no error

    const error = await sdkFor(server, { apiKey: rotated.secret })
      .clients.list()
      .catch((caught: unknown) => caught)

    expect(error).toBeInstanceOf(SmartStepsError)
    expect(error).toMatchObject({ status: 401, code: 'authentication_error' })
  })
})

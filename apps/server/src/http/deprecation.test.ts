import { DEPRECATIONS, type Deprecations, DeprecationSchema } from '@smartsteps/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ConfigSchema } from '../config/schema.js'
import { createLogger } from '../logger.js'
import { startTestServer, type TestServer } from '../testing/test-server.js'
import { createApp } from './app.js'

interface OpenApiPaths {
  paths: Record<string, Record<string, { deprecated?: boolean; description?: string }>>
}

// Nothing is deprecated yet, so the app is built with a list of its own; everything else is
// what production runs.
const TEST_DEPRECATIONS: Deprecations = {
  'GET /api/v1/personas/{persona_id}': DeprecationSchema.parse({
    since: '2026-01-15',
    sunset: '2027-01-15',
    replacement: 'GET /api/v2/personas/{persona_id}',
  }),
}

describe('deprecated operations', () => {
  let server: TestServer
  let app: ReturnType<typeof createApp>
  let token: string

  beforeAll(async () => {
    server = await startTestServer()
    token = await server.login()

    const config = ConfigSchema.parse({ storage: { path: server.dataDir } })

    app = createApp(server.services, config, createLogger('silent'), {
      deprecations: TEST_DEPRECATIONS,
    })
  })

  afterAll(() => server.close())

  function get(path: string) {
    return app.request(path, { headers: { authorization: `Bearer ${token}` } })
  }

  it('answer with X-API-Warning, Deprecation and Sunset', async () => {
    const response = await get('/api/v1/personas/dr_morgan_hayes')

    expect(response.status).toBe(200)
    expect(response.headers.get('x-api-warning')).toBe('This endpoint is deprecated')
    expect(response.headers.get('deprecation')).toBe(`@${Date.UTC(2026, 0, 15) / 1000}`)
    expect(response.headers.get('sunset')).toBe('Fri, 15 Jan 2027 00:00:00 GMT')
  })

  it('say so on their errors too', async () => {
    const response = await get('/api/v1/personas/nobody_at_all')

    expect(response.status).toBe(404)
    expect(response.headers.get('x-api-warning')).toBe('This endpoint is deprecated')
  })

  it('leave every other operation alone', async () => {
    const response = await get('/api/v1/personas')

    expect(response.status).toBe(200)
    expect(response.headers.get('x-api-warning')).toBeNull()
    expect(response.headers.get('deprecation')).toBeNull()
    expect((await get('/api/v1/no-such-route')).headers.get('deprecation')).toBeNull()
  })

  it('are marked deprecated in the OpenAPI document, with the date and replacement', async () => {
    const document = (await (await app.request('/api/openapi.json')).json()) as OpenApiPaths
    const operation = document.paths['/api/v1/personas/{persona_id}']?.get

    expect(operation?.deprecated).toBe(true)
    expect(operation?.description).toMatch(
      /^Deprecated since 2026-01-15; may be removed after 2027-01-15\. Use GET \/api\/v2\/personas\/\{persona_id\} instead\./,
    )
    expect(document.paths['/api/v1/personas']?.get?.deprecated).toBeUndefined()
  })

  it('must name operations that exist', () => {
    const config = ConfigSchema.parse({ storage: { path: server.dataDir } })
    const typo = { 'GET /api/v1/persona': TEST_DEPRECATIONS['GET /api/v1/personas/{persona_id}']! }

    expect(() =>
      createApp(server.services, config, createLogger('silent'), { deprecations: typo }),
    ).toThrow(/names GET \/api\/v1\/persona, which is not an operation/)
  })

  it('are, in production, the list in the contracts, each entry an operation', async () => {
    const served = (await server.call('GET', '/api/openapi.json')).body
    const deprecated = Object.entries(served.paths).flatMap(([path, operations]) =>
      Object.entries(operations as Record<string, { deprecated?: boolean }>)
        .filter(([, operation]) => operation.deprecated)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    )

    expect(deprecated.sort()).toEqual(Object.keys(DEPRECATIONS).sort())
  })
})

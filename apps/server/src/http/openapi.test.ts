import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from '../testing/test-server.js'
import { renderOpenApiDocument } from './openapi-document.js'

const COMMITTED = fileURLToPath(new URL('../../../../docs/api/openapi.json', import.meta.url))

/** Routes served outside the API description on purpose: the document and its viewer. */
const UNDOCUMENTED = new Set([
  '/api/openapi.json',
  '/api/docs',
  '/api/docs/assets/init.js',
  '/api/docs/assets/:file',
  '/static/avatars/:file',
])

describe('the OpenAPI document', () => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer()
  })

  afterAll(() => server.close())

  it('is committed exactly as generated (run `pnpm openapi` after changing a route)', () => {
    expect(readFileSync(COMMITTED, 'utf8')).toBe(renderOpenApiDocument())
  })

  it('describes every registered route', () => {
    const document = JSON.parse(renderOpenApiDocument())
    const registered = server.app.routes
      .filter((route) => route.method !== 'ALL' && !UNDOCUMENTED.has(route.path))
      .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`)
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations as object).map((method) => `${method} ${path}`),
    )

    expect(registered.length).toBeGreaterThan(15)
    expect(documented.sort()).toEqual([...new Set(registered)].sort())
  })

  it('serves the persona avatars it names', async () => {
    const persona = await server.call('GET', '/api/v1/personas/dr_morgan_hayes', {
      token: await server.login(),
    })
    const avatar = await fetch(`${server.url}${persona.body.avatar_url}`)

    expect(avatar.status).toBe(200)
    expect(avatar.headers.get('content-type')).toBe('image/svg+xml')
    expect((await fetch(`${server.url}/static/avatars/..%2Fdr_morgan_hayes.json`)).status).toBe(404)
  })

  it('is served at /api/openapi.json with Swagger UI at /api/docs', async () => {
    const served = await server.call('GET', '/api/openapi.json')
    const page = await fetch(`${server.url}/api/docs`)
    const bundle = await fetch(`${server.url}/api/docs/assets/swagger-ui-bundle.js`)

    expect(served.body.openapi).toBe('3.1.0')
    expect(served.body.paths['/api/v1/sessions/{session_id}/messages']).toBeDefined()
    expect(await page.text()).toContain('swagger-ui')
    expect(bundle.status).toBe(200)
    expect((await bundle.text()).length).toBeGreaterThan(100_000)
  })

  it('names a relative server, so Swagger UI calls whichever host served it', async () => {
    const served = await server.call('GET', '/api/openapi.json')

    expect(served.body.servers).toEqual([
      { url: '/', description: 'The server that serves this document' },
    ])
  })

  it('declares the error envelope on every operation', () => {
    const document = JSON.parse(renderOpenApiDocument())

    for (const operations of Object.values(document.paths) as Array<
      Record<string, { responses: Record<string, unknown> }>
    >) {
      for (const operation of Object.values(operations)) {
        expect(operation.responses['500']).toBeDefined()
      }
    }
  })
})

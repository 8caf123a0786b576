import { OpenAPIHono } from '@hono/zod-openapi'

import type { Services } from '../composition.js'
import { registerRoutes } from './app.js'
import type { AppEnv } from './env.js'
import { buildOpenApiDocument } from './openapi.js'

/**
 * The OpenAPI document as committed to docs/api/openapi.json. Routes are registered without
 * services: handlers are never called while the document is read off the route table.
 */
export function renderOpenApiDocument(): string {
  const app = new OpenAPIHono<AppEnv>()

  registerRoutes(app, {} as Services)

  return `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`
}

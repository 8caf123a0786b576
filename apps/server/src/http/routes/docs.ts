import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'

import type { OpenAPIHono } from '@hono/zod-openapi'

import type { AppEnv } from '../env.js'

const require = createRequire(import.meta.url)
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Smart Steps API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/init.js"></script>
</body>
</html>`

const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui' })`

/**
 * The page's own Content-Security-Policy, in place of the API's. Swagger UI runs under
 * `default-src 'self'` (its scripts and styles are the files above; React sets styles through
 * the DOM, which CSP allows) except for its icons, which are data: URIs. Checked in headless
 * Chromium, every operation and model expanded and a call tried out: no violation. Try-it-out
 * calls go to the document's relative server URL, the very origin that served the page.
 */
export const DOCS_CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; base-uri 'none'; object-src 'none'; frame-ancestors 'none'"

/**
 * Swagger UI served from the installed swagger-ui-dist package, so the docs work on a machine
 * with no internet access and need no third-party origin in the content security policy.
 */
export function registerDocsRoutes(app: OpenAPIHono<AppEnv>) {
  const assetFolder: string = require('swagger-ui-dist').getAbsoluteFSPath()
  const cache = new Map<string, string>()

  app.get('/api/docs', (c) =>
    c.html(PAGE, 200, { 'Content-Security-Policy': DOCS_CONTENT_SECURITY_POLICY }),
  )

  app.get('/api/docs/assets/init.js', (c) =>
    c.body(INIT, 200, { 'content-type': ASSETS['swagger-ui-bundle.js']! }),
  )

  app.get('/api/docs/assets/:file', async (c) => {
    const file = c.req.param('file')
    const contentType = ASSETS[file]

    if (!contentType) {
      return c.notFound()
    }

    let content = cache.get(file)

    if (content === undefined) {
      content = await readFile(join(assetFolder, file), 'utf8')
      cache.set(file, content)
    }

    return c.body(content, 200, {
      'content-type': contentType,
      'cache-control': 'public, max-age=86400',
    })
  })
}

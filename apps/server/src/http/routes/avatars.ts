import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

import type { OpenAPIHono } from '@hono/zod-openapi'

import type { AppEnv } from '../env.js'

const AVATAR_FILE = /^[a-z][a-z0-9_]{2,63}\.svg$/

/**
 * Persona avatars named by `avatar_url`, served from the `avatars` folder beside the persona
 * files. The strict name pattern means no request can reach outside that folder.
 */
export function registerAvatarRoutes(app: OpenAPIHono<AppEnv>, personasFolder: string) {
  app.get('/static/avatars/:file', async (c) => {
    const file = c.req.param('file')

    if (!AVATAR_FILE.test(file)) {
      return c.notFound()
    }

    try {
      const svg = await readFile(join(personasFolder, 'avatars', file), 'utf8')

      return c.body(svg, 200, {
        'content-type': 'image/svg+xml',
        'cache-control': 'public, max-age=86400',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      })
    } catch {
      return c.notFound()
    }
  })
}

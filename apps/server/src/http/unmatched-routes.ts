import type { NotFoundHandler } from 'hono'
import { PatternRouter } from 'hono/router/pattern-router'

import type { AppEnv } from './env.js'
import { errorResponse } from './errors.js'

/** Hono's name for "any method": app.use middleware carries it and is no route of its own. */
const ANY_METHOD = 'ALL'

/**
 * What is answered when no route answers. A path that exists under other methods gets
 * `405 method_not_allowed` with the Allow header (RFC 9110) listing them; anything else, and a
 * route that itself reports a missing resource, gets `404 resource_not_found`.
 *
 * @param routes the app's route table, read once every route is registered
 */
export function unmatchedRouteHandler(
  routes: ReadonlyArray<{ method: string; path: string }>,
): NotFoundHandler<AppEnv> {
  const methodsByPath = new PatternRouter<string>()

  for (const route of routes) {
    if (route.method !== ANY_METHOD) {
      methodsByPath.add(ANY_METHOD, route.path, route.method)
    }
  }

  function allowedMethods(path: string): string[] {
    const [matches] = methodsByPath.match(ANY_METHOD, path)
    const methods = new Set(matches.map(([method]) => method))

    // Hono answers HEAD with the GET route, so wherever GET is allowed, HEAD is too.
    if (methods.has('GET')) {
      methods.add('HEAD')
    }

    return [...methods].sort()
  }

  return (c) => {
    const allowed = allowedMethods(c.req.path)

    if (allowed.length > 0 && !allowed.includes(c.req.method)) {
      c.header('Allow', allowed.join(', '))

      return errorResponse(
        c,
        'method_not_allowed',
        `${c.req.method} is not allowed on ${c.req.path}; allowed: ${allowed.join(', ')}`,
      )
    }

    return errorResponse(c, 'resource_not_found', `No route for ${c.req.method} ${c.req.path}`)
  }
}

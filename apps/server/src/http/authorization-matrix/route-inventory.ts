import type { Scope } from '@smartsteps/contracts'

/** One route the server answers, as the authorization matrix sees it. */
export interface InventoryRoute {
  /** `METHOD /path/{param}`, the OpenAPI spelling, used to look routes up in lists. */
  key: string
  method: string
  path: string
  pathParams: string[]
  /** Declared in the OpenAPI document; plain Hono routes (docs, avatars) are not. */
  documented: boolean
  declaredScope: Scope | undefined
  declaresBearerSecurity: boolean
  declaresJsonBody: boolean
  /** The largest page a listing allows, so a leak cannot hide on a later page. */
  pageLimit: number | undefined
}

interface RouterEntry {
  method: string
  path: string
}

interface OpenApiOperation {
  'x-required-scope'?: Scope
  security?: unknown[]
  requestBody?: unknown
  parameters?: Array<{ name: string; in: string; schema?: { maximum?: number } }>
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>
}

/** `app.use` registers middleware as method ALL on a wildcard path; those are not routes. */
function isMiddleware(entry: RouterEntry): boolean {
  return entry.method === 'ALL' && entry.path.endsWith('*')
}

function toOpenApiPath(honoPath: string): string {
  return honoPath.replaceAll(/:(\w+)/g, '{$1}')
}

function pathParamsOf(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!)
}

/**
 * Every route of the app's router, documented or not, joined with what the OpenAPI document
 * says about it. Read off the router rather than the document, so a route added with a plain
 * `app.get` cannot slip past the matrix by staying out of the document.
 */
export function inventoryRoutes(
  routerEntries: readonly RouterEntry[],
  document: OpenApiDocument,
): InventoryRoute[] {
  const routes = new Map<string, InventoryRoute>()

  for (const entry of routerEntries) {
    if (isMiddleware(entry)) {
      continue
    }

    const path = toOpenApiPath(entry.path)
    const key = `${entry.method} ${path}`
    const operation = document.paths[path]?.[entry.method.toLowerCase()]
    const limit = operation?.parameters?.find(
      (param) => param.in === 'query' && param.name === 'limit',
    )

    routes.set(key, {
      key,
      method: entry.method,
      path,
      pathParams: pathParamsOf(path),
      documented: operation !== undefined,
      declaredScope: operation?.['x-required-scope'],
      declaresBearerSecurity: (operation?.security?.length ?? 0) > 0,
      declaresJsonBody: operation?.requestBody !== undefined,
      pageLimit: limit?.schema?.maximum,
    })
  }

  return [...routes.values()]
}

import type { Scope } from '@smartsteps/contracts'

import type { InventoryRoute } from './route-inventory.js'

/**
 * The routes anyone may call without credentials, each with the reason. Adding a route here is
 * a security decision: the matrix then expects it to answer anonymous callers.
 */
export const PUBLIC_ROUTES: Record<string, string> = {
  'GET /api/health': 'load balancers poll it without credentials',
  'POST /api/v1/auth/login': 'it is where credentials come from',
  'POST /api/v1/auth/refresh': 'the refresh token in the body is the credential',
  'POST /api/v1/auth/logout': 'the refresh token in the body is the credential',
  'POST /api/v1/auth/password/reset': 'it serves people who cannot sign in',
  'POST /api/v1/auth/password/reset/confirm': 'the reset token in the body is the credential',
  'GET /api/openapi.json': 'the published contract',
  'GET /api/docs': 'the API reference page',
  'GET /api/docs/assets/init.js': 'the API reference page',
  'GET /api/docs/assets/{file}': 'the API reference page',
  'GET /static/avatars/{file}': 'persona pictures load in <img> tags, which send no credentials',
}

/**
 * Routes that need a login session of any role instead of a scope: API keys are refused even
 * when their owner could call the route.
 */
export const SESSION_ONLY_ROUTES: Record<string, string> = {
  'POST /api/v1/auth/password': 'every role changes its own password, proving it with a session',
}

/**
 * Routes that any valid credential may call, whatever its role or scopes: they only describe the
 * caller to itself. The matrix expects every caller to get 200 there.
 */
export const ANY_CREDENTIAL_ROUTES: Record<string, string> = {
  'GET /api/v1/auth/me': 'it tells a credential only about itself, which its holder already has',
}

export type Requirement =
  | { kind: 'public' }
  | { kind: 'scope'; scope: Scope }
  | { kind: 'session' }
  | { kind: 'any_credential' }

/** Scope families with one scope whatever the verb: a ticket is POSTed but only lets you connect. */
const SINGLE_SCOPE_FAMILIES: Record<string, Scope> = { realtime: 'realtime:connect' }

/**
 * The scope a route's path and verb call for: the family is the first segment under /api/v1
 * (analysis for `/analyze/` routes), reads need `:read` and anything else `:write`. A route
 * declaring another scope is probably open to roles that should not have it.
 */
export function conventionalScopeOf(route: InventoryRoute): string {
  const family = route.path.includes('/analyze/') ? 'analysis' : route.path.split('/')[3]!

  return SINGLE_SCOPE_FAMILIES[family] ?? `${family}:${route.method === 'GET' ? 'read' : 'write'}`
}

/** What a caller needs for the route; undefined for a route nobody decided about. */
export function requirementOf(route: InventoryRoute): Requirement | undefined {
  if (route.declaredScope) {
    return { kind: 'scope', scope: route.declaredScope }
  }

  if (route.key in PUBLIC_ROUTES) {
    return { kind: 'public' }
  }

  if (route.key in ANY_CREDENTIAL_ROUTES) {
    return { kind: 'any_credential' }
  }

  return route.key in SESSION_ONLY_ROUTES ? { kind: 'session' } : undefined
}

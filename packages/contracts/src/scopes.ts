import { z } from 'zod'

/**
 * What a credential may do. Every route requires one scope; a user's role grants a set of
 * scopes, and an API key may narrow that set further, never widen it.
 */
export const SCOPES = [
  'clients:read',
  'clients:write',
  'sessions:read',
  'sessions:write',
  'personas:read',
  'analysis:write',
  'realtime:connect',
  'users:read',
  'users:write',
  'keys:read',
  'keys:write',
] as const

export type Scope = (typeof SCOPES)[number]

export const ScopeSchema = z.enum(SCOPES).meta({ id: 'Scope' })

export const ROLES = ['admin', 'facilitator', 'supervisor'] as const

export type RoleName = (typeof ROLES)[number]

const READ_SCOPES: Scope[] = ['clients:read', 'sessions:read', 'personas:read', 'realtime:connect']

/**
 * admin: everything; facilitator: runs sessions with their own clients; supervisor: reads
 * every client and session (case review) and runs analysis, but changes nothing else.
 */
export const ROLE_SCOPES: Record<RoleName, readonly Scope[]> = {
  admin: SCOPES,
  facilitator: [
    ...READ_SCOPES,
    'clients:write',
    'sessions:write',
    'analysis:write',
    'keys:read',
    'keys:write',
  ],
  supervisor: [...READ_SCOPES, 'analysis:write', 'keys:read', 'keys:write'],
}

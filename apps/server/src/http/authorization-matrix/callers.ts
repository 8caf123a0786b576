import { ROLE_SCOPES, type RoleName, type Scope } from '@smartsteps/contracts'

import { createKey } from '../../testing/api-keys.js'
import type { TestServer } from '../../testing/test-server.js'
import type { Requirement } from './route-requirements.js'

export interface MatrixUser {
  label: string
  /** At least 12 characters, so a password equal to it passes the contract's length check. */
  username: string
  role: RoleName
  userId: string
  token: string
}

export interface Caller {
  label: string
  owner: MatrixUser
  kind: 'session_token' | 'api_key'
  credential: string
  /** What the contracts say this credential holds: its role's scopes, narrowed by a key's. */
  scopes: ReadonlySet<Scope>
}

export interface MatrixUserSpec {
  label: string
  username: string
  role: RoleName
}

/** Creates the user through the API with the bootstrap admin, then signs them in. */
export async function createMatrixUser(
  server: TestServer,
  adminToken: string,
  spec: MatrixUserSpec,
): Promise<MatrixUser> {
  const password = `${spec.username}-password`
  const created = await server.call('POST', '/api/v1/users', {
    token: adminToken,
    body: {
      username: spec.username,
      email: `${spec.username}@example.test`,
      password,
      role: spec.role,
    },
  })

  if (created.status !== 201) {
    throw new Error(`user creation failed: ${created.status} ${JSON.stringify(created.body)}`)
  }

  const token = await server.login(spec.username, password)

  return { ...spec, userId: created.body.user_id, token }
}

/** The user's login session, and one API key for each scope their role grants. */
export async function callersOf(server: TestServer, user: MatrixUser): Promise<Caller[]> {
  const granted = ROLE_SCOPES[user.role]
  const session: Caller = {
    label: user.label,
    owner: user,
    kind: 'session_token',
    credential: user.token,
    scopes: new Set(granted),
  }

  const keys = await Promise.all(
    granted.map(async (scope): Promise<Caller> => {
      const key = await createKey(server, user.token, { name: `matrix ${scope}`, scopes: [scope] })

      return {
        label: `${user.label} key ${scope}`,
        owner: user,
        kind: 'api_key',
        credential: key.secret,
        scopes: new Set([scope]),
      }
    }),
  )

  return [session, ...keys]
}

export function satisfies(caller: Caller, requirement: Requirement): boolean {
  switch (requirement.kind) {
    case 'public':
    case 'any_credential':
      return true
    case 'session':
      return caller.kind === 'session_token'
    case 'scope':
      return caller.scopes.has(requirement.scope)
  }
}

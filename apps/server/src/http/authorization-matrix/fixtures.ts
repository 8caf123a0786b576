import { createKey } from '../../testing/api-keys.js'
import type { TestServer } from '../../testing/test-server.js'
import type { MatrixUser } from './callers.js'

export const PERSONA_ID = 'dr_morgan_hayes'

/** The id a path parameter or body field refers to, created when a fresh set needs it. */
export type FixtureIds = (param: string) => Promise<string>

async function created(
  server: TestServer,
  token: string,
  path: string,
  body: unknown,
): Promise<any> {
  const response = await server.call('POST', path, { token, body })

  if (response.status !== 201) {
    throw new Error(`fixture ${path} failed: ${response.status} ${JSON.stringify(response.body)}`)
  }

  return response.body
}

function createClient(server: TestServer, owner: MatrixUser): Promise<string> {
  return created(server, owner.token, '/api/v1/clients', {
    first_name: 'Matrix',
    last_name: `Client of ${owner.label}`,
  }).then((client) => client.client_id)
}

function createSession(server: TestServer, owner: MatrixUser, clientId: string) {
  return created(server, owner.token, '/api/v1/sessions', {
    client_id: clientId,
    persona_id: PERSONA_ID,
  }).then((session): string => session.session_id)
}

async function createOwnKey(server: TestServer, owner: MatrixUser): Promise<string> {
  // A key may rotate or revoke only keys no broader than itself: with keys:write alone and the
  // shortest expiry, the target is within reach of every caller key holding keys:write.
  const key = await createKey(server, owner.token, {
    name: 'matrix target',
    scopes: ['keys:write'],
    expires_in_days: 1,
  })
  return key.key_id
}

export interface FixtureOwners {
  /** Who owns clients and sessions. */
  objects: MatrixUser
  /** Who owns API keys. */
  keys: MatrixUser
  /** The user routes act on; users belong to nobody. */
  userId: string
}

/**
 * Objects made on first use and shared within the set, so each call that may change or delete
 * them gets its own, and a call needing none costs nothing.
 */
export function freshFixtures(server: TestServer, owners: FixtureOwners): FixtureIds {
  const made = new Map<string, Promise<string>>()

  const makers: Record<string, () => Promise<string>> = {
    client_id: () => createClient(server, owners.objects),
    session_id: async () => createSession(server, owners.objects, await ids('client_id')),
    key_id: () => createOwnKey(server, owners.keys),
    user_id: async () => owners.userId,
  }

  function ids(param: string): Promise<string> {
    const maker = makers[param]

    if (!maker) {
      throw new Error(`No fixture for the path parameter ${param}; add one to fixtures.ts`)
    }

    if (!made.has(param)) {
      made.set(param, maker())
    }

    return made.get(param)!
  }

  return ids
}

/** A set made now and kept: the objects the denied and foreign calls aim at. */
export async function keptFixtures(server: TestServer, owners: FixtureOwners) {
  const ids = freshFixtures(server, owners)
  const objects = {
    client_id: await ids('client_id'),
    session_id: await ids('session_id'),
    key_id: await ids('key_id'),
    user_id: await ids('user_id'),
  }

  return { objects, ids }
}

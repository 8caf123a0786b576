import type { TestServer } from '../../testing/test-server.js'
import type { Caller } from './callers.js'
import { type FixtureIds, PERSONA_ID } from './fixtures.js'
import type { InventoryRoute } from './route-inventory.js'

export interface MatrixRequest {
  method: string
  path: string
  body?: unknown
}

interface SampleContext {
  ids: FixtureIds
  caller: Caller | undefined
  unique: number
}

/**
 * Valid bodies for the routes whose contract asks for more than `{}`; every other documented
 * body gets `{}`. Public routes keep `{}` on purpose: a valid login with a wrong password
 * answers 401 of its own, which would hide whether a credential was demanded.
 */
const SAMPLE_BODIES: Record<string, (context: SampleContext) => unknown> = {
  'POST /api/v1/users': ({ unique }) => ({
    username: `matrix.new.user.${unique}`,
    email: `matrix.new.user.${unique}@example.test`,
    password: 'a-long-enough-password',
    role: 'facilitator',
  }),
  'PATCH /api/v1/users/{user_id}': () => ({ role: 'facilitator' }),
  // keys:write because a caller allowed on this route holds it, and keys may not outgrow it.
  'POST /api/v1/keys': () => ({ name: 'matrix made', scopes: ['keys:write'] }),
  'POST /api/v1/clients': () => ({ first_name: 'Matrix', last_name: 'Created' }),
  'PATCH /api/v1/clients/{client_id}': () => ({ first_name: 'Renamed' }),
  'POST /api/v1/sessions': async ({ ids }) => ({
    client_id: await ids('client_id'),
    persona_id: PERSONA_ID,
  }),
  'POST /api/v1/sessions/{session_id}/messages': () => ({
    content: 'Written by the authorization matrix',
    sender_type: 'facilitator',
  }),
  'POST /api/v1/sessions/{session_id}/notes': () => ({ content: 'Matrix note' }),
  // The username as new password passes the contract, so a key is refused for being a key; a
  // session then fails the password policy with 422 before anything is checked or counted
  // towards the sign-in lockout, so no password changes and no login ends.
  'POST /api/v1/auth/password': ({ caller }) => ({
    current_password: 'never-compared',
    new_password: caller?.owner.username ?? 'an-anonymous-caller',
  }),
}

/** Path parameters that name files rather than objects. */
const SAMPLE_PATH_VALUES: Record<string, Record<string, string>> = {
  'GET /api/docs/assets/{file}': { file: 'swagger-ui.css' },
  'GET /static/avatars/{file}': { file: 'dr_alex_rivera.svg' },
}

let requestsBuilt = 0

async function pathValue(route: InventoryRoute, param: string, ids: FixtureIds) {
  const sample = SAMPLE_PATH_VALUES[route.key]?.[param]

  if (sample !== undefined) {
    return sample
  }

  return param === 'persona_id' ? PERSONA_ID : ids(param)
}

/** The request the matrix sends on `route`, aimed at the objects `ids` names. */
export async function sampleRequest(
  route: InventoryRoute,
  ids: FixtureIds,
  caller?: Caller,
): Promise<MatrixRequest> {
  let path = route.path

  for (const param of route.pathParams) {
    path = path.replace(`{${param}}`, await pathValue(route, param, ids))
  }

  if (route.pageLimit !== undefined) {
    path = `${path}?limit=${route.pageLimit}`
  }

  requestsBuilt += 1

  const sample = SAMPLE_BODIES[route.key]
  const context = { ids, caller, unique: requestsBuilt }
  const body = sample ? await sample(context) : route.declaresJsonBody ? {} : undefined

  return { method: route.method, path, ...(body === undefined ? {} : { body }) }
}

export function send(server: TestServer, request: MatrixRequest, credential?: string) {
  return server.call(request.method, request.path, {
    ...(credential ? { token: credential } : {}),
    ...(request.body === undefined ? {} : { body: request.body }),
  })
}

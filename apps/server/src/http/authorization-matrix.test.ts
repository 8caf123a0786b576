import { ErrorEnvelopeSchema, SCOPES } from '@smartsteps/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { configSection } from '../testing/config-section.js'
import { type CallResult, startTestServer, type TestServer } from '../testing/test-server.js'
import {
  type Caller,
  callersOf,
  createMatrixUser,
  type MatrixUser,
  satisfies,
} from './authorization-matrix/callers.js'
import { type FixtureIds, freshFixtures, keptFixtures } from './authorization-matrix/fixtures.js'
import { OWNED_PARAMS, reachesOthers } from './authorization-matrix/ownership.js'
import { type InventoryRoute, inventoryRoutes } from './authorization-matrix/route-inventory.js'
import {
  ANY_CREDENTIAL_ROUTES,
  conventionalScopeOf,
  PUBLIC_ROUTES,
  type Requirement,
  requirementOf,
  SESSION_ONLY_ROUTES,
} from './authorization-matrix/route-requirements.js'
import { sampleRequest, send } from './authorization-matrix/sample-requests.js'
import { snapshotState } from './authorization-matrix/state-snapshot.js'

interface GuardedRoute {
  route: InventoryRoute
  requirement: Exclude<Requirement, { kind: 'public' } | { kind: 'any_credential' }>
}

function errorCodeOf(response: CallResult): string | undefined {
  const envelope = ErrorEnvelopeSchema.safeParse(response.body)
  return envelope.success ? envelope.data.error.code : undefined
}

function outcome(response: CallResult): string {
  return [response.status, errorCodeOf(response)].filter(Boolean).join(' ')
}

function isRefusal(response: CallResult, status: number, code: string): boolean {
  return response.status === status && errorCodeOf(response) === code
}

/**
 * Every route the server answers, against every kind of caller: nobody, each role's login
 * session, and an API key per scope each role holds. The routes come from the running app's
 * router and its OpenAPI document, and what each caller holds from the contracts' ROLE_SCOPES,
 * so a new route or scope is in the matrix without anyone listing it here. Each check collects
 * every failing cell before asserting, so one run shows the whole picture.
 */
describe('the authorization matrix', () => {
  let server: TestServer
  let bootstrapAdmin: string
  let routes: InventoryRoute[]
  let callers: Caller[]
  /** The facilitator whose objects the other callers aim at. */
  let owner: MatrixUser
  let ownersIds: FixtureIds
  let ownersObjects: Record<string, string>
  let targetUserId: string

  /**
   * The routes that need a credential, with what they need; undecided ones are left to the
   * first check. Deletes go last: one that wrongly succeeds removes the owner's objects, and
   * would otherwise turn every later cell into a meaningless 404.
   */
  const guarded = () =>
    routes
      .map((route) => ({ route, requirement: requirementOf(route) }))
      .filter(
        (entry): entry is GuardedRoute =>
          entry.requirement?.kind === 'scope' || entry.requirement?.kind === 'session',
      )
      .sort((a, b) => Number(a.route.method === 'DELETE') - Number(b.route.method === 'DELETE'))

  beforeAll(async () => {
    // Loopback is exempt from rate limits: the matrix sends a few thousand requests from it.
    server = await startTestServer({
      security: configSection('security', { rate_limiting: { ip_whitelist: ['127.0.0.1/32'] } }),
    })
    bootstrapAdmin = await server.login()

    const document = (await server.call('GET', '/api/openapi.json')).body
    routes = inventoryRoutes(server.app.routes, document)

    const newUser = (label: string, username: string, role: MatrixUser['role']) =>
      createMatrixUser(server, bootstrapAdmin, { label, username, role })
    const [admin, facilitator, otherFacilitator, supervisor, target] = await Promise.all([
      newUser('admin', 'matrix.admin.user', 'admin'),
      newUser('facilitator', 'matrix.facilitator', 'facilitator'),
      newUser('other facilitator', 'matrix.other.facilitator', 'facilitator'),
      newUser('supervisor', 'matrix.supervisor', 'supervisor'),
      newUser('target', 'matrix.target.user', 'facilitator'),
    ])

    owner = facilitator
    targetUserId = target.userId
    callers = (
      await Promise.all(
        [admin, facilitator, otherFacilitator, supervisor].map((user) => callersOf(server, user)),
      )
    ).flat()

    const kept = await keptFixtures(server, { objects: owner, keys: owner, userId: target.userId })
    ownersObjects = kept.objects
    ownersIds = kept.ids
  })

  afterAll(() => server?.close())

  it('knows what every route requires: a scope, or a place on the public, any-credential or session-only list', () => {
    const known = new Set(routes.map((route) => route.key))
    const listed = [
      ...Object.keys(PUBLIC_ROUTES),
      ...Object.keys(ANY_CREDENTIAL_ROUTES),
      ...Object.keys(SESSION_ONLY_ROUTES),
    ]
    const undecided = routes.filter((route) => !requirementOf(route)).map((route) => route.key)
    const misdocumented = routes
      .filter((route) => route.documented)
      .filter((route) => route.declaresBearerSecurity !== (requirementOf(route)?.kind !== 'public'))
      .map((route) => route.key)

    expect(undecided, 'routes without x-required-scope and on neither list').toEqual([])
    expect(
      listed.filter((key) => !known.has(key)),
      'listed routes that do not exist',
    ).toEqual([])
    expect(
      routes.filter((route) => route.declaredScope && listed.includes(route.key)),
      'listed routes that also declare a scope',
    ).toEqual([])
    expect(misdocumented, 'bearer security in the document disagrees with the lists').toEqual([])
    expect(new Set(routes.map((route) => route.declaredScope).filter(Boolean))).toEqual(
      new Set(SCOPES),
    )
  })

  it('declares on each route the scope its resource and verb call for', () => {
    const mismatched = routes
      .filter((route) => route.declaredScope)
      .filter((route) => route.declaredScope !== conventionalScopeOf(route))
      .map((route) => `${route.key}: ${route.declaredScope}, not ${conventionalScopeOf(route)}`)

    expect(mismatched).toEqual([])
  })

  it('answers 401 to callers without a valid credential everywhere but the public routes', async () => {
    const before = await snapshotState(server, bootstrapAdmin)
    const failures: string[] = []

    for (const route of routes) {
      const request = await sampleRequest(route, ownersIds)

      if (requirementOf(route)?.kind === 'public') {
        const response = await send(server, request)

        if ([401, 403].includes(response.status) || response.status >= 500) {
          failures.push(`anonymous ${route.key}: ${outcome(response)}, expected an answer`)
        }

        continue
      }

      for (const credential of [undefined, 'not-a-credential-the-server-issued']) {
        const response = await send(server, request, credential)

        if (!isRefusal(response, 401, 'authentication_error')) {
          failures.push(`${credential ?? 'no credential'} ${route.key}: ${outcome(response)}`)
        }
      }
    }

    expect(failures).toEqual([])
    expect(await snapshotState(server, bootstrapAdmin)).toEqual(before)
  })

  it('refuses with 403 permission_denied every caller lacking what a route requires', async () => {
    const before = await snapshotState(server, bootstrapAdmin)
    const failures: string[] = []
    const refusedByRoute = new Map<string, number>()

    for (const { route, requirement } of guarded()) {
      for (const caller of callers.filter((candidate) => !satisfies(candidate, requirement))) {
        const response = await send(
          server,
          await sampleRequest(route, ownersIds, caller),
          caller.credential,
        )

        refusedByRoute.set(route.key, (refusedByRoute.get(route.key) ?? 0) + 1)

        if (!isRefusal(response, 403, 'permission_denied')) {
          failures.push(`${caller.label} ${route.key}: ${outcome(response)}`)
        }
      }
    }

    expect(failures).toEqual([])
    expect(
      guarded().filter(({ route }) => !refusedByRoute.has(route.key)),
      'routes no caller is refused on',
    ).toEqual([])
    expect(await snapshotState(server, bootstrapAdmin)).toEqual(before)
  })

  it("answers 404 for another owner's objects and leaves them out of listings", async () => {
    const before = await snapshotState(server, bootstrapAdmin)
    const failures: string[] = []
    let cells = 0

    for (const { route, requirement } of guarded()) {
      const strangers = callers.filter(
        (caller) => caller.owner !== owner && satisfies(caller, requirement),
      )

      for (const caller of strangers) {
        const hiddenIds = OWNED_PARAMS.filter(
          (param) => !reachesOthers(caller.owner.role, param),
        ).map((param) => ownersObjects[param]!)

        if (hiddenIds.length === 0) {
          continue
        }

        const request = await sampleRequest(route, ownersIds, caller)
        const aimsAtHidden = hiddenIds.some((id) => JSON.stringify(request).includes(id))

        if (!aimsAtHidden && route.method !== 'GET') {
          continue
        }

        const response = await send(server, request, caller.credential)
        const leaked = hiddenIds.filter((id) => JSON.stringify(response.body).includes(id))

        cells += 1

        if (aimsAtHidden && !isRefusal(response, 404, 'resource_not_found')) {
          failures.push(`${caller.label} ${route.key}: ${outcome(response)}, expected 404`)
        } else if (leaked.length > 0) {
          failures.push(`${caller.label} ${route.key}: answers with ${leaked.join(', ')}`)
        }
      }
    }

    expect(failures).toEqual([])
    expect(cells).toBeGreaterThan(0)
    expect(await snapshotState(server, bootstrapAdmin)).toEqual(before)
  })

  it('lets every caller holding what a route requires through', async () => {
    const failures: string[] = []
    const allowedByRoute = new Map<string, number>()

    for (const { route, requirement } of guarded()) {
      for (const caller of callers.filter((candidate) => satisfies(candidate, requirement))) {
        // Objects of the owner where the caller's role reaches others' (admins, supervisors),
        // so seeing everything is tried too; fresh ones, since the call may change or delete them.
        const objectsOwner = reachesOthers(caller.owner.role, 'client_id') ? owner : caller.owner
        const ids = freshFixtures(server, {
          objects: objectsOwner,
          keys: caller.owner,
          userId: targetUserId,
        })
        const response = await send(
          server,
          await sampleRequest(route, ids, caller),
          caller.credential,
        )

        allowedByRoute.set(route.key, (allowedByRoute.get(route.key) ?? 0) + 1)

        if ([401, 403, 404].includes(response.status) || response.status >= 500) {
          failures.push(`${caller.label} ${route.key}: ${outcome(response)}`)
        }
      }
    }

    expect(failures).toEqual([])
    expect(
      guarded().filter(({ route }) => !allowedByRoute.has(route.key)),
      'routes no caller may use',
    ).toEqual([])
  })

  it('answers 200 to every caller on the any-credential routes', async () => {
    const anyCredential = routes.filter((route) => requirementOf(route)?.kind === 'any_credential')
    const failures: string[] = []

    for (const route of anyCredential) {
      for (const caller of callers) {
        const request = await sampleRequest(route, ownersIds, caller)
        const response = await send(server, request, caller.credential)

        if (response.status !== 200) {
          failures.push(`${caller.label} ${route.key}: ${outcome(response)}`)
        }
      }
    }

    expect(anyCredential.map((route) => route.key)).toEqual(Object.keys(ANY_CREDENTIAL_ROUTES))
    expect(failures).toEqual([])
  })
})

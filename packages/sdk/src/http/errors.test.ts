import { createServer } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  SmartStepsError,
  SmartStepsNetworkError,
  SmartStepsResponseError,
} from '../errors/index.js'
import { SmartSteps } from '../smart-steps.js'
import { recordingFetch } from '../test-support/recording-fetch.js'
import { newFacilitator, sdkFor, startServer, type TestServer } from '../test-support/server.js'

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const listener = createServer()
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve))
  const { port } = listener.address() as { port: number }
  await new Promise<void>((resolve) => listener.close(() => resolve()))
  return port
}

async function failureOf(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => {
      throw new Error('expected the call to fail')
    },
    (error: unknown) => error,
  )
}

describe('errors', () => {
  let server: TestServer
  let client: SmartSteps
  const requestIds: string[] = []

  beforeAll(async () => {
    server = await startServer()

    const recorder = recordingFetch({
      after: (_call, response) => {
        requestIds.push(response.headers.get('x-request-id') ?? '')
        return response
      },
    })

    client = sdkFor(server, {
      credentials: await newFacilitator(server, 'errors.user'),
      fetch: recorder.fetch,
    })
  })

  afterAll(() => server.close())

  it('maps an error answer to SmartStepsError with its code, message and request id', async () => {
    const error = await failureOf(client.clients.get('cli_00000000000000000000000000'))

    expect(error).toBeInstanceOf(SmartStepsError)
    expect(error).toMatchObject({ status: 404, code: 'resource_not_found' })
    expect((error as SmartStepsError).message).not.toBe('')
    expect((error as SmartStepsError).requestId).toMatch(/^req_/)
    expect((error as SmartStepsError).requestId).toBe(requestIds.at(-1))
  })

  it('keeps the validation issues in details', async () => {
    const error = await failureOf(
      client.clients.create({ first_name: 'Sam', last_name: 'Taylor', email: 'not-an-email' }),
    )

    expect(error).toMatchObject({ status: 422, code: 'validation_error' })
    expect((error as SmartStepsError).details?.issues).toEqual([
      { field: 'email', reason: expect.any(String) },
    ])
  })

  it('reports a refused permission as permission_denied', async () => {
    await expect(client.users.list()).rejects.toMatchObject({
      status: 403,
      code: 'permission_denied',
    })
  })

  it('wraps an unreachable server in SmartStepsNetworkError, after one retry of a read', async () => {
    const recorder = recordingFetch()
    const offline = new SmartSteps({
      baseUrl: `http://127.0.0.1:${await closedPort()}`,
      token: 'x',
      fetch: recorder.fetch,
    })

    const read = await failureOf(offline.clients.list())
    const write = await failureOf(offline.clients.create({ first_name: 'A', last_name: 'B' }))

    expect(read).toBeInstanceOf(SmartStepsNetworkError)
    expect(read).not.toBeInstanceOf(SmartStepsError)
    expect((read as Error).cause).toBeInstanceOf(Error)
    expect(write).toBeInstanceOf(SmartStepsNetworkError)
    // The read was tried twice; the create, which is not safe to repeat, once.
    expect(recorder.calls.map((call) => call.method)).toEqual(['GET', 'GET', 'POST'])
  })

  it('catches an answer that drifted from the contract, unless validation is off', async () => {
    const drifting = recordingFetch({
      after: async (_call, response) => {
        const body = await response.json()
        delete body.pagination
        return new Response(JSON.stringify(body), { status: 200, headers: response.headers })
      },
    })
    const credentials = await newFacilitator(server, 'errors.drift')
    const strict = sdkFor(server, { credentials, fetch: drifting.fetch })
    const lenient = sdkFor(server, { credentials, fetch: drifting.fetch, validateResponses: false })

    const error = await failureOf(strict.clients.list())

    expect(error).toBeInstanceOf(SmartStepsResponseError)
    expect((error as SmartStepsResponseError).issues).toEqual([
      { path: 'pagination', message: expect.any(String) },
    ])
    expect((error as SmartStepsResponseError).requestId).toMatch(/^req_/)
    await expect(lenient.clients.list()).resolves.toEqual({ clients: [] })
  })

  it('reads an error answer without the envelope (a proxy page) by its status', async () => {
    const proxied = recordingFetch({
      after: () => new Response('<html>Bad gateway</html>', { status: 502 }),
    })
    const error = await failureOf(sdkFor(server, { token: 'x', fetch: proxied.fetch }).health())

    expect(error).toMatchObject({ status: 502, code: 'service_unavailable', requestId: null })
  })
})

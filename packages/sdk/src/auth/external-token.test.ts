import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  type OidcProvider,
  startOidcProvider,
} from '../../../../apps/server/src/testing/oidc-provider.js'
import { recordingFetch } from '../test-support/recording-fetch.js'
import { sdkFor, startServer, type TestServer } from '../test-support/server.js'

describe('an access token from an external identity provider', () => {
  let provider: OidcProvider
  let server: TestServer

  beforeAll(async () => {
    provider = await startOidcProvider()
    await provider.addKey('rsa-1')
    provider.publish('rsa-1')
    server = await startServer({
      oauth: {
        enabled: true,
        issuer: provider.issuer,
        audience: 'smartsteps-api',
        jwks_url: provider.jwksUrl,
      },
    })
  })

  afterAll(async () => {
    await server.close()
    await provider.close()
  })

  it('is used as is, over REST and realtime', async () => {
    const client = sdkFor(server, { token: await provider.sign() })

    const created = await client.clients.create({ first_name: 'Ola', last_name: 'Nordmann' })
    const live = await client.realtime.connect({ reconnect: false })

    expect((await client.clients.list()).clients).toEqual([created])
    expect(live.state).toBe('open')

    await live.close()
  })

  it('is not renewed by the SDK when it expires: the 401 reaches the caller', async () => {
    const recorder = recordingFetch()
    const client = sdkFor(server, {
      token: await provider.sign({ expiresIn: -120 }),
      fetch: recorder.fetch,
    })

    await expect(client.clients.list()).rejects.toMatchObject({
      status: 401,
      code: 'authentication_error',
    })
    expect(recorder.calls.map((call) => call.path)).toEqual(['/api/v1/clients'])
  })

  it('cannot change a password, which lives at the provider', async () => {
    const client = sdkFor(server, { token: await provider.sign() })

    await expect(
      client.auth.changePassword({
        current_password: 'whatever-it-was',
        new_password: 'a-new-long-password',
      }),
    ).rejects.toMatchObject({ status: 403, code: 'permission_denied' })
  })
})

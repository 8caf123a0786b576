import { afterEach, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from '../testing/test-server.js'
import { rawUpgrade } from './testing/raw-upgrade.js'

describe('realtime.allowed_origins', () => {
  let server: TestServer | undefined

  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  const fromOrigin = async (origin?: string) => {
    const token = await server!.login()
    const headers: Record<string, string> = origin === undefined ? {} : { origin }
    return (await rawUpgrade(server!.url, { token, headers })).status
  }

  it('left empty (the default), refuses every upgrade with an Origin, its own included', async () => {
    server = await startTestServer()

    expect(await fromOrigin(server.url)).toBe(403)
    expect(await fromOrigin('null')).toBe(403)
    expect(await fromOrigin()).toBe(101)
  })

  it('matches the Origin exactly against each entry reduced to scheme, host and port', async () => {
    server = await startTestServer({
      realtime: { allowed_origins: ['https://Console.Example.org:443/app/'] },
    })

    expect(await fromOrigin('https://console.example.org')).toBe(101)
    expect(await fromOrigin('http://console.example.org')).toBe(403)
    expect(await fromOrigin('https://console.example.org:8443')).toBe(403)
    expect(await fromOrigin('https://other.example.org')).toBe(403)
    expect(await fromOrigin()).toBe(101)
  })
})

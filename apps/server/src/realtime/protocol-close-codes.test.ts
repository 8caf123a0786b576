import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from '../testing/test-server.js'
import { openSocket } from '../testing/ws-client.js'

/** The TCP socket under a `ws` client, to write bytes no well-behaved client would. */
const rawSocketOf = (socket: unknown) =>
  (socket as { _socket: { write(bytes: Buffer): void } })._socket

describe('close codes for frames that break the WebSocket protocol', () => {
  let server: TestServer
  let token: string
  let wsUrl: string

  beforeAll(async () => {
    server = await startTestServer()
    token = await server.login()
    wsUrl = `${server.url.replace('http', 'ws')}/ws`
  })

  afterAll(async () => {
    await server.close()
  })

  it('closes with 1007 on a text frame that is not UTF-8', async () => {
    const socket = await openSocket(wsUrl, { token })

    socket.socket.send(Buffer.from([0xff, 0xfe]), { binary: false })

    expect((await socket.closed).code).toBe(1007)
  })

  it('closes with 1002 on an unmasked client frame', async () => {
    const socket = await openSocket(wsUrl, { token })
    socket.socket.on('error', () => {})

    // FIN + text, no mask bit, one byte of payload: clients must mask every frame.
    rawSocketOf(socket.socket).write(Buffer.from([0x81, 0x01, 0x61]))

    expect((await socket.closed).code).toBe(1002)
  })
})

import { connect } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from './testing/test-server.js'

describe('a request the HTTP parser refuses', () => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer()
  })

  afterAll(() => server.close())

  /** Writes a raw request and resolves with everything read until the server closes. */
  function rawExchange(request: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1')
      let received = ''

      socket.on('data', (chunk) => (received += chunk.toString()))
      socket.on('error', reject)
      socket.on('close', () => resolve(received))
      socket.write(request)
    })
  }

  it('is answered 431 and the server keeps serving', async () => {
    // Node's parser stops at 16 KiB of headers.
    const answer = await rawExchange(
      `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Filler: ${'a'.repeat(20_000)}\r\n\r\n`,
    )

    const [head, body] = answer.split('\r\n\r\n') as [string, string]

    expect(head.split('\r\n')[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large')
    expect(JSON.parse(body).error).toMatchObject({ code: 'invalid_request' })
    expect(head).toContain(`X-Request-Id: ${JSON.parse(body).error.request_id}`)
    expect((await server.call('GET', '/api/health')).status).toBe(200)
  })

  it('answers a request line that is not HTTP in the error envelope too', async () => {
    const answer = await rawExchange('NOT HTTP AT ALL\r\n\r\n')
    const [head, body] = answer.split('\r\n\r\n') as [string, string]

    expect(head.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request')
    expect(JSON.parse(body).error.code).toBe('invalid_request')
  })
})

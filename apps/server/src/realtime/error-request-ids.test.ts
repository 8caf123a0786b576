import type { ServerFrame } from '@smartsteps/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from '../testing/test-server.js'
import { openSocket, type TestSocket } from '../testing/ws-client.js'

const isError = (frame: ServerFrame) => frame.type === 'error'

describe('request_id of error frames', () => {
  let server: TestServer
  let socket: TestSocket

  beforeAll(async () => {
    server = await startTestServer()
    socket = await openSocket(`${server.url.replace('http', 'ws')}/ws`, {
      token: await server.login(),
    })
  })

  afterAll(async () => {
    socket.close()
    await server.close()
  })

  /** Sends one frame and answers the request_id of the error it got. */
  async function requestIdFor(frame: string | Buffer) {
    const before = socket.frames.length
    socket.socket.send(frame)
    await socket.next((received) => isError(received) && socket.frames.indexOf(received) >= before)
    const error = socket.frames.slice(before).find(isError)!
    return error.type === 'error' ? error.data.request_id : undefined
  }

  const leave = (id: unknown) =>
    JSON.stringify({ type: 'leave_session', id, data: { session_id: 'not a session id' } })

  it('is the frame’s id when it could be read, even if the frame breaks the contract', async () => {
    expect(await requestIdFor(leave('mine-1'))).toBe('mine-1')
    expect(await requestIdFor(JSON.stringify({ type: 'shout', id: 'mine-2' }))).toBe('mine-2')
  })

  it('is null when the id could not be read', async () => {
    expect(await requestIdFor('not json')).toBeNull()
    expect(await requestIdFor(Buffer.from(leave('binary')))).toBeNull()
    expect(await requestIdFor(JSON.stringify([leave('in an array')]))).toBeNull()
    expect(await requestIdFor(leave(undefined))).toBeNull()
    expect(await requestIdFor(leave(42))).toBeNull()
    expect(await requestIdFor(leave(''))).toBeNull()
    expect(await requestIdFor(leave('x'.repeat(129)))).toBeNull()
  })
})

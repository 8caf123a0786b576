import type { ServerFrame } from '@smartsteps/contracts'
import { WebSocket } from 'ws'

import { ACK_TIMEOUT_MS, type LoadPeer, type PeerEvents } from './load-target.js'

interface Pending {
  resolve(frame: ServerFrame): void
  reject(error: Error): void
}

function opened(socket: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`the upgrade was refused with ${response.statusCode}`)),
    )
  })
}

/**
 * One `ws` client of the Smart Steps realtime API, bound to one session. Frames are parsed with
 * JSON.parse only: validating them against the contracts would add load-generator work the
 * Socket.IO side does not have.
 */
export async function connectSmartSteps(
  wsUrl: string,
  token: string,
  sessionId: string,
  events: PeerEvents,
): Promise<LoadPeer> {
  const socket = new WebSocket(wsUrl, { headers: { authorization: `Bearer ${token}` } })
  const pending = new Map<string, Pending>()
  let nextId = 0
  let closing = false

  function settle(id: string | null, frame: ServerFrame) {
    const waiter = id === null ? undefined : pending.get(id)

    if (!waiter) {
      return
    }

    pending.delete(id!)

    if (frame.type === 'error') {
      waiter.reject(new Error(`${frame.data.code}: ${frame.data.message}`))
    } else {
      waiter.resolve(frame)
    }
  }

  function receive(frame: ServerFrame) {
    switch (frame.type) {
      case 'new_message':
        return events.delivery(frame.data.seq, frame.data.message.content)
      case 'ack':
        return settle(frame.id, frame)
      case 'error':
        events.problem(`error frame ${frame.data.code}: ${frame.data.message}`)
        return settle(frame.data.request_id, frame)
      default:
        // Nothing else changes a session during the run; a status change or resync would.
        return events.problem(`unexpected ${frame.type} frame`)
    }
  }

  function request(type: string, data: object): Promise<ServerFrame> {
    const id = `load-${nextId++}`

    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id)
        reject(new Error(`no answer to ${type} within ${ACK_TIMEOUT_MS} ms`))
      }, ACK_TIMEOUT_MS)

      pending.set(id, {
        resolve(frame) {
          clearTimeout(timer)
          resolve(frame)
        },
        reject(error) {
          clearTimeout(timer)
          reject(error)
        },
      })
      socket.send(JSON.stringify({ type, id, data }))
    })
  }

  socket.on('message', (raw) => receive(JSON.parse(raw.toString()) as ServerFrame))
  socket.on('close', (code, reason) => {
    if (!closing) {
      events.problem(`socket closed by the server: ${code} ${reason.toString()}`)
    }

    for (const waiter of pending.values()) {
      waiter.reject(new Error(`socket closed with ${code}`))
    }
  })

  await opened(socket)
  socket.on('error', (error) => events.problem(`socket error: ${error.message}`))

  return {
    async join() {
      const ack = await request('join_session', { session_id: sessionId })

      if (ack.type !== 'ack' || ack.data.seq === undefined) {
        throw new Error('the join was acknowledged without a seq')
      }

      return ack.data.seq
    },
    async send(content) {
      await request('send_message', { session_id: sessionId, content, sender_type: 'facilitator' })
    },
    close() {
      closing = true
      socket.close()
    },
  }
}

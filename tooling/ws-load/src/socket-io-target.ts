import { fileURLToPath } from 'node:url'

import { io, type Socket } from 'socket.io-client'

import { spawnNode, waitUntilReady } from './child-process.js'
import { freeLoopbackPort } from './free-port.js'
import { ACK_TIMEOUT_MS, type LoadPeer, type LoadTarget, type PeerEvents } from './load-target.js'
import { REPO_ROOT } from './paths.js'

const SERVER_SCRIPT = fileURLToPath(new URL('./socket-io-server.ts', import.meta.url))

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', reject)
  })
}

/**
 * One Socket.IO client over WebSocket only. forceNew gives every client its own connection:
 * by default clients of one URL share a single one, which would hide the fan-out.
 */
async function connectSocketIo(url: string, room: number, events: PeerEvents): Promise<LoadPeer> {
  const name = `room-${room}`
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false })
  let closing = false

  await connected(socket)
  socket.on('new_message', (event: { room: string; seq: number; content: string }) => {
    if (event.room === name) {
      events.delivery(event.seq, event.content)
    } else {
      events.problem(`a message of ${event.room} reached a client of ${name}`)
    }
  })
  socket.on('disconnect', (reason) => {
    if (!closing) {
      events.problem(`disconnected: ${reason}`)
    }
  })

  async function request(event: string, payload: unknown): Promise<{ seq: number }> {
    const answer = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)

    if (typeof answer?.seq !== 'number') {
      throw new Error(`${event} was answered with ${JSON.stringify(answer)}`)
    }

    return answer
  }

  return {
    join: async () => (await request('join', name)).seq,
    async send(content) {
      await request('send_message', { room: name, content })
    },
    close() {
      closing = true
      socket.close()
    },
  }
}

/** The Socket.IO baseline server as a child process on a free loopback port. */
export async function startSocketIoTarget(): Promise<LoadTarget> {
  const port = await freeLoopbackPort()
  const url = `http://127.0.0.1:${port}`
  // The script is TypeScript: the child gets the same tsx loader this process runs under.
  const child = spawnNode({
    name: 'Socket.IO server',
    args: [...process.execArgv, SERVER_SCRIPT, '--port', String(port)],
    cwd: REPO_ROOT,
    env: process.env,
    noteworthy: /\S/,
  })

  await waitUntilReady(child, `${url}/health`)

  return {
    name: 'Socket.IO',
    connect: (room, events) => connectSocketIo(url, room, events),
    notes() {
      const { count, first } = child.noteworthy()

      return [
        `Socket.IO server output: ${count} line(s)${count > 0 ? `; first: ${first.join(' | ')}` : ''}.`,
      ]
    },
    serverCpuMs: () => child.cpuMs(),
    stop: () => child.stop(),
  }
}

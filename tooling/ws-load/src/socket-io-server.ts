import { createServer } from 'node:http'
import { parseArgs } from 'node:util'

import { Server } from 'socket.io'

/**
 * The baseline: a bare Socket.IO server, run as its own process by the load script. Rooms take
 * the place of sessions; each room numbers its messages with a seq like Smart Steps does, so the
 * same ordering checks apply. Nothing is authenticated, validated or stored.
 */
const { values } = parseArgs({ options: { port: { type: 'string' } } })
const port = Number(values.port)

if (!Number.isInteger(port) || port <= 0) {
  throw new Error('usage: socket-io-server.ts --port N')
}

const http = createServer((request, response) => {
  response.writeHead(request.url === '/health' ? 200 : 404).end()
})
const io = new Server(http, {
  transports: ['websocket'],
  serveClient: false,
  perMessageDeflate: false,
})
const seqs = new Map<string, number>()

type Ack = (answer: { seq: number } | { error: string }) => void

io.on('connection', (socket) => {
  socket.on('join', (room: unknown, ack: Ack) => {
    if (typeof room !== 'string' || typeof ack !== 'function') {
      return
    }

    void socket.join(room)
    ack({ seq: seqs.get(room) ?? 0 })
  })

  socket.on('send_message', (message: { room?: unknown; content?: unknown }, ack: Ack) => {
    const { room, content } = message ?? {}

    if (typeof room !== 'string' || typeof content !== 'string' || typeof ack !== 'function') {
      return
    }

    const seq = (seqs.get(room) ?? 0) + 1

    seqs.set(room, seq)
    // io.to, not socket.to: the sender is a member and receives its own message, as in Smart Steps.
    io.to(room).emit('new_message', { room, seq, content })
    ack({ seq })
  })
})

http.listen(port, '127.0.0.1')

process.once('SIGTERM', () => {
  io.close(() => process.exit(0))
})

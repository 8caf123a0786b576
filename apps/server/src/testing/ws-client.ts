import { type ServerFrame, ServerFrameSchema } from '@smartsteps/contracts'
import { WebSocket } from 'ws'

export interface TestSocket {
  socket: WebSocket
  frames: ServerFrame[]
  send(frame: unknown): void
  /** Resolves with the first frame (seen or future) matching the predicate. */
  next(predicate: (frame: ServerFrame) => boolean, timeoutMs?: number): Promise<ServerFrame>
  closed: Promise<{ code: number; reason: string }>
  close(): void
}

/** A real `ws` client whose every received frame is parsed with the contracts. */
export function openSocket(
  url: string,
  options: { token?: string; headers?: Record<string, string>; protocols?: string[] } = {},
): Promise<TestSocket> {
  const headers = { ...options.headers }

  if (options.token) {
    headers.authorization = `Bearer ${options.token}`
  }

  const socket = new WebSocket(url, options.protocols ?? [], { headers })
  const frames: ServerFrame[] = []
  const waiters: Array<{
    predicate: (frame: ServerFrame) => boolean
    resolve: (frame: ServerFrame) => void
  }> = []

  socket.on('message', (raw) => {
    const frame = ServerFrameSchema.parse(JSON.parse(raw.toString()))
    frames.push(frame)

    for (const waiter of [...waiters]) {
      if (waiter.predicate(frame)) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve(frame)
      }
    }
  })

  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
  })

  return new Promise((resolve, reject) => {
    socket.once('unexpected-response', (_request, response) => {
      reject(
        Object.assign(new Error(`upgrade refused: ${response.statusCode}`), {
          status: response.statusCode,
        }),
      )
    })
    socket.once('error', reject)
    socket.once('open', () =>
      resolve({
        socket,
        frames,
        closed,
        send: (frame) => socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
        close: () => socket.close(),
        next(predicate, timeoutMs = 5000) {
          const seen = frames.find(predicate)

          if (seen) {
            return Promise.resolve(seen)
          }

          return new Promise((resolveFrame, rejectFrame) => {
            const timer = setTimeout(
              () => rejectFrame(new Error('timed out waiting for a frame')),
              timeoutMs,
            )
            waiters.push({
              predicate,
              resolve: (frame) => {
                clearTimeout(timer)
                resolveFrame(frame)
              },
            })
          })
        },
      }),
    )
  })
}

export const ackOf = (id: string) => (frame: ServerFrame) =>
  (frame.type === 'ack' || frame.type === 'error') &&
  (frame.type === 'ack' ? frame.id === id : frame.data.request_id === id)

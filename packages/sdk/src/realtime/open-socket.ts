import { SmartStepsNetworkError } from '../errors/index.js'
import { errorFromResponse } from '../http/error-from-response.js'
import type {
  NodeSocketConstructor,
  SocketLike,
  UpgradeRefusal,
  WebSocketConstructor,
} from './socket.js'

/** Resolves once the socket is open; rejects when it closes first or takes too long. */
function whenOpen<Socket extends SocketLike>(
  socket: Socket,
  timeoutMs: number,
  onTimeout: () => void,
): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout()
      reject(
        new SmartStepsNetworkError(`The realtime connection did not open within ${timeoutMs} ms`),
      )
    }, timeoutMs)

    socket.addEventListener('open', () => {
      clearTimeout(timer)
      resolve(socket)
    })
    socket.addEventListener('close', (event) => {
      clearTimeout(timer)
      reject(
        new SmartStepsNetworkError(`The realtime connection closed before opening (${event.code})`),
      )
    })
  })
}

function headersOf(refusal: UpgradeRefusal): Headers {
  const headers = new Headers()

  for (const [name, value] of Object.entries(refusal.headers)) {
    if (typeof value === 'string') {
      headers.set(name, value)
    }
  }

  return headers
}

/** The SmartStepsError a refused upgrade stands for, from its status and error body. */
function refusalError(refusal: UpgradeRefusal): Promise<Error> {
  return new Promise((resolve) => {
    const chunks: Uint8Array[] = []

    refusal.on('data', (chunk) => chunks.push(chunk))
    refusal.on('end', () => {
      const text = new TextDecoder().decode(concat(chunks))
      const status = refusal.statusCode ?? 500
      resolve(errorFromResponse(new Response(text, { status, headers: headersOf(refusal) }), text))
    })
  })
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0))
  let offset = 0

  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.length
  }

  return bytes
}

/** Opens with headers (`ws`); a refused upgrade rejects with its SmartStepsError (401, 403, 429). */
export function openWithHeaders(
  WebSocket: NodeSocketConstructor,
  url: string,
  protocols: string[],
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<SocketLike> {
  const socket = new WebSocket(url, protocols, { headers })

  const refused = new Promise<never>((_resolve, reject) => {
    socket.on('unexpected-response', (_request, refusal) => {
      void refusalError(refusal).then((error) => {
        reject(error)
        socket.terminate()
      })
    })
  })

  // Errors before opening end in a close event, which whenOpen turns into the rejection.
  socket.addEventListener('error', () => {})

  return Promise.race([whenOpen(socket, timeoutMs, () => socket.terminate()), refused])
}

/** Opens as a browser must: credentials ride in the URL or the subprotocols, never in headers. */
export function openPlain(
  WebSocket: WebSocketConstructor,
  url: string,
  protocols: string[],
  timeoutMs: number,
): Promise<SocketLike> {
  const socket = new WebSocket(url, protocols)

  socket.addEventListener('error', () => {})

  return whenOpen(socket, timeoutMs, () => socket.close())
}

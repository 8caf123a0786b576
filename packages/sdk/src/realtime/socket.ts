/** The part of the browser WebSocket API the SDK uses; the `ws` package offers it too. */
export interface SocketLike {
  readonly readyState: number
  send(data: string): void
  close(code?: number, reason?: string): void
  addEventListener(type: 'open', listener: () => void): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  addEventListener(type: 'close', listener: (event: { code: number; reason: string }) => void): void
  addEventListener(type: 'error', listener: (event: unknown) => void): void
}

/** A WebSocket class as browsers have it: no way to set headers. */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => SocketLike

/** What the `ws` package adds: headers on the upgrade, and the answer when it is refused. */
export interface NodeSocket extends SocketLike {
  on(
    event: 'unexpected-response',
    listener: (request: unknown, response: UpgradeRefusal) => void,
  ): unknown
  terminate(): void
}

export interface UpgradeRefusal {
  statusCode?: number
  headers: Record<string, string | string[] | undefined>
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown
  on(event: 'end', listener: () => void): unknown
}

export type NodeSocketConstructor = new (
  url: string,
  protocols: string[],
  options: { headers: Record<string, string> },
) => NodeSocket

/** The subprotocol of the Smart Steps realtime API. */
export const REALTIME_SUBPROTOCOL = 'smartsteps.v1'

/**
 * What the scenario needs from a server under load, whatever protocol it speaks. Both targets
 * implement it, so the two are driven and measured by the same code.
 */
export interface LoadTarget {
  name: string
  /** Opens one client socket for `room` (a session, or a Socket.IO room). */
  connect(room: number, events: PeerEvents): Promise<LoadPeer>
  /** What the server itself reported during the run, for the report. */
  notes(): string[]
  /** CPU time the server process has used so far, in milliseconds (NaN when unknown). */
  serverCpuMs(): number
  stop(): Promise<void>
}

export interface LoadPeer {
  /** Joins the peer's room; resolves with the room's latest seq. */
  join(): Promise<number>
  /** Sends one message to the room and resolves once the server acknowledged it. */
  send(content: string): Promise<void>
  close(): void
}

export interface PeerEvents {
  /** A message of the peer's room arrived, with the seq the server gave it. */
  delivery(seq: number, content: string): void
  /** Anything that should not happen in a clean run: error frames, unexpected closes. */
  problem(description: string): void
}

/** How long a join or a send may wait for the server's acknowledgement. */
export const ACK_TIMEOUT_MS = 15_000

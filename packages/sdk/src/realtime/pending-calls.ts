import { SmartStepsNetworkError } from '../errors/index.js'
import type { RealtimeAck } from '../types.js'

interface Waiting {
  resolve(ack: RealtimeAck): void
  reject(error: Error): void
  timer: ReturnType<typeof setTimeout>
}

/** Calls sent over the socket, waiting for the ack or error frame that carries their frame id. */
export class PendingCalls {
  private readonly waiting = new Map<string, Waiting>()

  /** Resolves with the ack of frame `id`; rejects with its error, on timeout, or on disconnect. */
  add(id: string, timeoutMs: number): Promise<RealtimeAck> {
    return new Promise<RealtimeAck>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id)
        reject(
          new SmartStepsNetworkError(`No answer to realtime frame ${id} within ${timeoutMs} ms`),
        )
      }, timeoutMs)

      this.waiting.set(id, { resolve, reject, timer })
    })
  }

  /** True when the ack answered a waiting call. */
  resolve(id: string, ack: RealtimeAck): boolean {
    const waiting = this.take(id)
    waiting?.resolve(ack)

    return waiting !== undefined
  }

  /** True when the error answered a waiting call. */
  reject(id: string, error: Error): boolean {
    const waiting = this.take(id)
    waiting?.reject(error)

    return waiting !== undefined
  }

  rejectAll(error: Error): void {
    for (const id of [...this.waiting.keys()]) {
      this.take(id)?.reject(error)
    }
  }

  private take(id: string): Waiting | undefined {
    const waiting = this.waiting.get(id)

    if (waiting) {
      clearTimeout(waiting.timer)
      this.waiting.delete(id)
    }

    return waiting
  }
}

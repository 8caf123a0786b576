import type { RealtimeConnection } from '../realtime/connection.js'
import type { RealtimeEvents } from '../realtime/events.js'

/** Collects every event of one kind a connection emits. */
export function collect<Name extends keyof RealtimeEvents>(
  connection: RealtimeConnection,
  event: Name,
): Array<RealtimeEvents[Name]> {
  const seen: Array<RealtimeEvents[Name]> = []
  connection.on(event, (payload) => seen.push(payload))
  return seen
}

/** Resolves with the first such event (from now on) that matches; rejects after the timeout. */
export function nextEvent<Name extends keyof RealtimeEvents>(
  connection: RealtimeConnection,
  event: Name,
  matches: (payload: RealtimeEvents[Name]) => boolean = () => true,
  timeoutMs = 5000,
): Promise<RealtimeEvents[Name]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop()
      reject(new Error(`no ${String(event)} event within ${timeoutMs} ms`))
    }, timeoutMs)
    const stop = connection.on(event, (payload) => {
      if (matches(payload)) {
        clearTimeout(timer)
        stop()
        resolve(payload)
      }
    })
  })
}

/** Polls until the condition holds; for counts that settle asynchronously. */
export async function eventually(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs

  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time')
    }

    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

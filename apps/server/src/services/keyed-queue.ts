/**
 * Runs tasks one at a time per key, in arrival order, so a session's persona reply is always
 * written right after the client message it answers, even when messages arrive together.
 */
export function createKeyedQueue() {
  const tails = new Map<string, Promise<unknown>>()

  return function run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = tails.get(key) ?? Promise.resolve()
    const next = previous.then(task, task)
    const settled = next.then(
      () => undefined,
      () => undefined,
    )

    tails.set(key, settled)
    void settled.then(() => {
      if (tails.get(key) === settled) {
        tails.delete(key)
      }
    })

    return next
  }
}

import type { RateLimitStore, RateLimitWindow } from '../ports/rate-limit-store.js'

export interface InMemoryStoreOptions {
  now?: () => number
  /** Windows kept at most; past it the oldest go, so a flood of addresses cannot fill memory. */
  maxKeys?: number
  sweepIntervalMs?: number
}

/**
 * Counters in this process's memory. Exact, since a hit never yields the event loop between
 * reading and writing its window; but each instance counts alone, so behind a load balancer the
 * limits multiply by the number of instances until the Redis store replaces this one.
 */
export function createInMemoryRateLimitStore(options: InMemoryStoreOptions = {}): RateLimitStore {
  const now = options.now ?? Date.now
  const maxKeys = options.maxKeys ?? 1_000_000
  const windows = new Map<string, RateLimitWindow>()

  function sweep() {
    const time = now()

    for (const [key, window] of windows) {
      if (window.resetAt <= time) {
        windows.delete(key)
      }
    }
  }

  function makeRoom() {
    sweep()

    // A Map iterates in insertion order and every window is inserted when it opens.
    for (const key of windows.keys()) {
      if (windows.size < maxKeys) {
        break
      }

      windows.delete(key)
    }
  }

  const sweeper = setInterval(sweep, options.sweepIntervalMs ?? 60_000)

  sweeper.unref()

  return {
    async hit(key, windowMs) {
      const time = now()
      let window = windows.get(key)

      if (!window || window.resetAt <= time) {
        windows.delete(key)

        if (windows.size >= maxKeys) {
          makeRoom()
        }

        window = { count: 0, resetAt: time + windowMs }
        windows.set(key, window)
      }

      window.count += 1

      return { ...window }
    },

    async close() {
      clearInterval(sweeper)
      windows.clear()
    },
  }
}

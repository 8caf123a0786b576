import type { Health } from '@smartsteps/contracts'

import type { Storage } from '../ports/storage.js'

const STORAGE_TIMEOUT_MS = 2000

export function createHealthService(storage: Storage, version: string) {
  const startedAt = Date.now()

  async function pingStorage(): Promise<number | null> {
    const started = performance.now()
    let timer: NodeJS.Timeout | undefined

    try {
      await Promise.race([
        storage.ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('storage ping timed out')), STORAGE_TIMEOUT_MS)
        }),
      ])
      return Math.round((performance.now() - started) * 100) / 100
    } catch {
      return null
    } finally {
      clearTimeout(timer)
    }
  }

  async function check(): Promise<Health> {
    const latency = await pingStorage()

    return {
      status: latency === null ? 'unavailable' : 'ok',
      version,
      uptime_seconds: Math.round((Date.now() - startedAt) / 1000),
      checks: { storage: { status: latency === null ? 'failing' : 'ok', latency_ms: latency } },
    }
  }

  return { check }
}

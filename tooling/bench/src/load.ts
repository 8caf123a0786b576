import autocannon from 'autocannon'

export interface LoadTarget {
  name: string
  /** What the figures mean, for the report. */
  note: string
  url: string
  method: 'GET' | 'POST'
  headers?: Record<string, string>
  /** Request bodies, cycled through by each connection. */
  bodies?: string[]
}

export interface LoadSettings {
  connections: number
  durationSeconds: number
  warmupSeconds: number
}

export interface LoadResult {
  target: LoadTarget
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  requests: number
  /** 2xx answers, warm-up included: what the server accepted in all. */
  accepted: number
  errors: number
  timeouts: number
  non2xx: number
}

/** Loads one target for a fixed time after a short warm-up whose figures are dropped. */
export async function measure(target: LoadTarget, settings: LoadSettings): Promise<LoadResult> {
  const warmup =
    settings.warmupSeconds > 0
      ? await run(target, settings.connections, settings.warmupSeconds)
      : null
  const result = await run(target, settings.connections, settings.durationSeconds)

  return {
    target,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    accepted: result['2xx'] + (warmup?.['2xx'] ?? 0),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  }
}

function run(target: LoadTarget, connections: number, seconds: number) {
  const requests = (target.bodies ?? [undefined]).map((body) => ({
    method: target.method,
    headers: { ...target.headers, ...(body ? { 'content-type': 'application/json' } : {}) },
    body,
  }))

  return autocannon({
    url: target.url,
    connections,
    duration: seconds,
    requests,
    // Bounded: a stuck server ends the run instead of hanging it.
    timeout: 10,
  })
}

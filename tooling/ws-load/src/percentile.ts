/**
 * The nearest-rank percentile of values sorted in ascending order: the smallest value that at
 * least `p` percent of the values do not exceed. NaN when there are no values.
 *
 * @example percentile([10, 20, 30, 40], 50) // 20
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (!(p > 0 && p <= 100)) {
    throw new RangeError(`percentile must be above 0 and at most 100, got ${p}`)
  }

  if (sorted.length === 0) {
    return Number.NaN
  }

  const rank = Math.ceil((p / 100) * sorted.length)

  return sorted[rank - 1] as number
}

export interface LatencySummary {
  p50: number
  p99: number
  max: number
}

/** Sorts the latencies in place and reads the figures the report shows. */
export function summarizeLatencies(latencies: Float64Array): LatencySummary {
  latencies.sort()

  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.length === 0 ? Number.NaN : (latencies[latencies.length - 1] as number),
  }
}

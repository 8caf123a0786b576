/**
 * The nearest-rank percentile: the smallest value with at least p % of the values at or below
 * it. Null for no values.
 *
 * @example percentile([1, 2, 3, 4], 50) // 2
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) {
    return null
  }

  if (p < 0 || p > 100) {
    throw new RangeError(`percentile must be within 0..100, got ${p}`)
  }

  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))

  return sorted[rank - 1] ?? null
}

/** A share as a percentage with one decimal, or a dash when there is nothing to divide by. */
export function formatShare(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`
}

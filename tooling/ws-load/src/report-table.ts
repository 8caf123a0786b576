import type { ScenarioResult } from './scenario.js'

interface Row {
  label: string
  value(result: ScenarioResult): number
  digits: number
  /** Whether first ÷ second says something (rates and latencies, not counts). */
  ratio?: boolean
}

const ROWS: Row[] = [
  { label: 'deliveries expected', value: (r) => r.expected, digits: 0 },
  { label: 'delivered (distinct)', value: (r) => r.counts.received, digits: 0 },
  { label: 'delivered messages/s', value: (r) => r.deliveredPerSecond, digits: 0, ratio: true },
  { label: 'sent messages/s', value: (r) => r.sentPerSecond, digits: 0, ratio: true },
  { label: 'latency p50 (ms)', value: (r) => r.latency.p50, digits: 2, ratio: true },
  { label: 'latency p99 (ms)', value: (r) => r.latency.p99, digits: 2, ratio: true },
  { label: 'latency max (ms)', value: (r) => r.latency.max, digits: 2, ratio: true },
  { label: 'missing', value: (r) => r.counts.missing, digits: 0 },
  { label: 'duplicates', value: (r) => r.counts.duplicates, digits: 0 },
  { label: 'out of order', value: (r) => r.counts.outOfOrder, digits: 0 },
  { label: 'seq breaks', value: (r) => r.counts.seqBreaks, digits: 0 },
  { label: 'unexpected messages', value: (r) => r.counts.unexpected, digits: 0 },
  { label: 'failed sends', value: (r) => r.failedSends, digits: 0 },
  { label: 'other problems', value: (r) => r.problems.count, digits: 0 },
  { label: 'server CPU during the run (% of a core)', value: (r) => r.cpu.server, digits: 0 },
  {
    label: 'load generator CPU during the run (% of a core)',
    value: (r) => r.cpu.loadGenerator,
    digits: 0,
  },
  { label: 'run time (s)', value: (r) => r.runMs / 1000, digits: 2, ratio: true },
  {
    label: 'connect + join all sockets (s)',
    value: (r) => r.setupMs / 1000,
    digits: 2,
    ratio: true,
  },
]

const format = (value: number, digits: number) =>
  Number.isFinite(value)
    ? value.toLocaleString('en-US', {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      })
    : 'n/a'

/**
 * The results side by side as a Markdown table, with the first target divided by the second
 * where a ratio means something.
 */
export function resultsTable(first: ScenarioResult, second: ScenarioResult): string {
  const header = `| | ${first.target} | ${second.target} | ${first.target} ÷ ${second.target} |`
  const lines = ROWS.map((row) => {
    const a = row.value(first)
    const b = row.value(second)
    const ratio = row.ratio && b !== 0 ? format(a / b, 2) : ''

    return `| ${row.label} | ${format(a, row.digits)} | ${format(b, row.digits)} | ${ratio} |`
  })

  return [header, '| --- | ---: | ---: | ---: |', ...lines].join('\n')
}

/** Whether a run delivered every message exactly once, in order, without errors. */
export function isClean(result: ScenarioResult): boolean {
  const { missing, duplicates, outOfOrder, seqBreaks, unexpected } = result.counts

  return (
    missing +
      duplicates +
      outOfOrder +
      seqBreaks +
      unexpected +
      result.failedSends +
      result.problems.count ===
    0
  )
}

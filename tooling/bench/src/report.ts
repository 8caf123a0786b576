import type { LoadResult, LoadSettings } from './load.js'
import type { StoredMessages } from './stored-messages.js'

export interface BenchContext {
  command: string
  date: Date
  nodeVersion: string
  cores: number
  cpuModel: string
  serverVersion: string
  serverEntry: string
  logLevel: string
  settings: LoadSettings
  storedMessages: StoredMessages
}

function row(result: LoadResult, baseline: LoadResult | undefined): string[] {
  const ratio = baseline ? (result.requestsPerSecond / baseline.requestsPerSecond).toFixed(2) : '–'

  return [
    result.target.name,
    result.requestsPerSecond.toFixed(0),
    ratio,
    String(result.p50Ms),
    String(result.p99Ms),
    String(result.requests),
    String(result.errors),
    String(result.non2xx),
  ]
}

/** The figures side by side, as a Markdown table; the first result is the baseline. */
export function resultsTable(results: readonly LoadResult[]): string {
  const header = [
    'target',
    'req/s',
    '× baseline',
    'p50 ms',
    'p99 ms',
    'requests',
    'errors',
    'non-2xx',
  ]
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`

  return [
    line(header),
    line(header.map(() => '---')),
    ...results.map((result) => line(row(result, results[0]))),
  ].join('\n')
}

export function renderReport(context: BenchContext, results: readonly LoadResult[]): string {
  const { settings, storedMessages } = context

  return [
    '# Smart Steps server benchmark',
    '',
    `- Command: \`${context.command}\``,
    `- Date: ${context.date.toISOString()}`,
    `- Node ${context.nodeVersion}, ${context.cores} cores (${context.cpuModel})`,
    `- Server: \`${context.serverEntry}\` version ${context.serverVersion}, log level` +
      ` \`${context.logLevel}\`, fresh data folder, loopback only,` +
      ' rate limits raised beyond the run (still counted, never refusing)',
    `- Load: autocannon in the bench process, ${settings.connections} connections,` +
      ` ${settings.durationSeconds} s per target after a ${settings.warmupSeconds} s warm-up` +
      ' whose figures are dropped',
    '',
    'The machine is shared and noisy and the load generator runs on the same two cores as the' +
      ' server: compare the ratios within this run, not the absolute figures across runs.',
    '',
    resultsTable(results),
    '',
    '## What each target measures',
    '',
    ...results.map((result) => `- **${result.target.name}**: ${result.target.note}`),
    '',
    `After the run the session held ${storedMessages.found} messages: the seeded ones and the` +
      ` 2xx answers account for ${storedMessages.accounted}, and requests still in flight when` +
      ` a run stopped for at most ${storedMessages.inFlightAllowance} more` +
      (storedMessages.ok ? ', so none was lost.' : ' — MISMATCH: messages were lost or invented.'),
    '',
  ].join('\n')
}

import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'

import type { LoadOptions } from './options.js'
import { resultsTable } from './report-table.js'
import type { ScenarioResult } from './scenario.js'

export interface MachineFacts {
  date: string
  node: string
  cores: number
  cpu: string
  /** 1-minute load average before and after the run: how busy the shared machine was. */
  loadBefore: number
  loadAfter: number
}

export interface ReportInput {
  options: LoadOptions
  machine: MachineFacts
  ours: ScenarioResult
  baseline: ScenarioResult
  notes: string[]
}

function problemLines(result: ScenarioResult): string[] {
  return result.problems.first.map((description) => `- ${result.target}: ${description}`)
}

export function renderReport({ options, machine, ours, baseline, notes }: ReportInput): string {
  const command = ['pnpm --filter @smartsteps/ws-load load', ...options.args].join(' ')
  const problems = [...problemLines(ours), ...problemLines(baseline)]

  return `# Realtime load: Smart Steps WebSocket fan-out beside Socket.IO

Written by \`@smartsteps/ws-load\` (tooling/ws-load). It is a measurement, not a test.

- Command: \`${command}\`
- Date: ${machine.date}
- Node: ${machine.node}; ${machine.cores} cores (${machine.cpu})
- Load average (1 min): ${machine.loadBefore.toFixed(2)} before, ${machine.loadAfter.toFixed(2)} after
- Parameters: ${options.sockets} sockets over ${options.sessions} sessions (rooms), ${options.messages} messages per session

Each session has one sending socket; it sends its messages one after another, each once the
previous one is acknowledged, as \`send_message\` with \`sender_type: facilitator\` (no persona
reply). All sessions send at once. Every socket of a session, the sender included, must receive
every message once as \`new_message\`, with \`seq\` one above the previous. Latency is receive
time minus the send time carried in the message, on the load process's clock. The Socket.IO
baseline does the same with rooms, a per-room seq, \`io.to(room).emit\` and WebSocket transport
only.

## Results

${resultsTable(ours, baseline)}

${notes.map((note) => `- ${note}`).join('\n')}
${problems.length > 0 ? `\nFirst problems seen:\n\n${problems.join('\n')}\n` : ''}
## Caveats

- The machine is shared and noisy, and the load clients share its cores with the server:
  compare the ratios between the two columns, not the absolute figures between runs.
- The two servers do not do the same work per message. Smart Steps authenticates the socket,
  validates each frame against the contracts, stores the message in SQLite (WAL with
  \`synchronous = FULL\`, so a disk flush per message) before publishing it, and serializes each
  frame once per recipient; the Socket.IO baseline validates nothing, stores nothing and
  serializes once per broadcast. The baseline is a floor for a bare broadcast, not a
  like-for-like competitor.
- Throughput is bounded by each sender waiting for its acknowledgement; with more sessions the
  sends overlap more.
`
}

export async function writeReport(path: string, markdown: string) {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, markdown)
}

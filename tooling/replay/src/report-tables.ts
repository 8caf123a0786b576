import { MOODS } from '@smartsteps/contracts'

import { type Direction } from './agreement.js'
import { conversationMood } from './figures.js'
import { formatMood, sessionPrimaries, surveyText } from './format.js'
import type { ConversationResult } from './replay-conversation.js'

// The order of the data's README: most frequent label first.
const LABEL_ORDER = [
  'depression',
  'sadness',
  'anxiety',
  'anger',
  'fear',
  'disgust',
  'shame',
  'nervousness',
]

/** A Markdown table; cells are escaped so a pipe in a value cannot break a row. */
export function markdownTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>) {
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`

  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

export function confusionMarkdown(confusion: Map<string, Map<string, number>>): string {
  const labels = [
    ...LABEL_ORDER.filter((label) => confusion.has(label)),
    ...[...confusion.keys()].filter((label) => !LABEL_ORDER.includes(label)).sort(),
  ]
  const found = new Set([...confusion.values()].flatMap((row) => [...row.keys()]))
  const columns = [...MOODS, 'none'].filter((mood) => found.has(mood))
  const rows = labels.map((label) => {
    const row = confusion.get(label) ?? new Map<string, number>()
    const total = [...row.values()].reduce((sum, count) => sum + count, 0)
    return [label, ...columns.map((mood) => String(row.get(mood) ?? '')), String(total)]
  })

  return markdownTable(['label \\ found', ...columns, 'total'], rows)
}

export function trendMarkdown(table: Map<Direction, Map<string, number>>): string {
  const columns = ['improving', 'stable', 'worsening', 'insufficient_data', 'none']
  const used = columns.filter((column) => [...table.values()].some((row) => row.has(column)))
  const rows = (['improving', 'stable', 'worsening'] as const).map((direction) => {
    const row = table.get(direction) ?? new Map<string, number>()
    return [direction, ...used.map((column) => String(row.get(column) ?? ''))]
  })

  return markdownTable(['survey \\ report trend', ...used], rows)
}

export function conversationsMarkdown(results: readonly ConversationResult[]): string {
  const header = [
    '#',
    'label',
    'sessions',
    'mood found (primary/secondary conf.)',
    'session primaries',
    'messages',
    'replies',
    'survey intensity',
    'report trend',
    'risk',
    'errors',
  ]
  const rows = results.map((result) => [
    String(result.conversation.index),
    result.conversation.emotionType,
    String(result.sessions.length),
    formatMood(conversationMood(result)),
    result.sessions.length > 1 ? sessionPrimaries(result) : '',
    String(result.latencies.length),
    String(result.personaReplies),
    surveyText(result),
    result.negativeEmotion?.trend ?? '–',
    result.sessions.some((session) => session.riskFlagged) ? 'flagged' : '',
    String(result.errors.length),
  ])

  return markdownTable(header, rows)
}

import { availableParallelism } from 'node:os'

import type { ReplayFigures } from './figures.js'
import { formatMs } from './format.js'
import type { ReplayRun } from './replay-run.js'
import {
  confusionMarkdown,
  conversationsMarkdown,
  markdownTable,
  trendMarkdown,
} from './report-tables.js'
import { formatShare } from './stats.js'
import { MAX_SESSIONS_PER_CLIENT, MIN_TURNS_TO_SPLIT } from './split.js'

export interface ReportContext {
  command: string
  startedAt: Date
  url: string
  dataFile: string
  run: ReplayRun
}

/** The Markdown report of one replay. It names conversations by index only, never by text. */
export function renderReport(context: ReportContext, figures: ReplayFigures): string {
  const { run } = context

  return [
    '# ESConv replay against the Smart Steps API',
    '',
    `- Command: \`${context.command}\``,
    `- Date: ${context.startedAt.toISOString()}`,
    `- Server: ${context.url}, persona \`${run.personaId}\`, run as \`${run.username}\`` +
      (run.createdFacilitator ? ' (a facilitator created by the replay)' : ''),
    `- Data: \`${context.dataFile}\`, ${figures.conversations} conversations replayed` +
      `, ${run.concurrency} at a time`,
    `- Machine: ${availableParallelism()} cores, Node ${process.version}; shared and noisy, so` +
      ' timings are indicative only',
    '',
    '## How the conversations are replayed',
    '',
    'Each conversation becomes one client with placeholder names (`Replay 001`, ...). Every' +
      ' help-seeker turn, trimmed and non-empty, is sent as a client message; the supporter' +
      " turns are not sent, the server's persona answers instead. Session goals come from the" +
      ' problem type only.',
    '',
    `A conversation with at least ${MIN_TURNS_TO_SPLIT} seeker turns is split into` +
      ` ${MAX_SESSIONS_PER_CLIENT} consecutive sessions of near-equal size for the same client,` +
      ' so that the progress report compares several sessions; shorter ones stay one session.' +
      ' Each session is started, fed, ended and summarised; then the client progress report is' +
      ' read.',
    '',
    "A conversation's mood is its sessions' moods combined: each session's primary scores its" +
      ' confidence times its messages, the best score wins, and the runner-up is the secondary.' +
      ' For a single session it is that summary unchanged.',
    '',
    'Any non-2xx answer, unexpected status or body that does not match the contracts is an' +
      ' error, and stops that conversation. Latency is client-side, per client message, from' +
      ' sending to the whole answer read, persona reply included.',
    '',
    '## Figures',
    '',
    figuresMarkdown(context, figures),
    '',
    "## Mood found against the seeker's label",
    '',
    'Rows are the label the seeker chose; columns the primary mood of the conversation.',
    '',
    confusionMarkdown(figures.confusion),
    '',
    '## Progress trend against the survey',
    '',
    'The survey direction compares the initial and final emotion intensity the seeker gave' +
      ' (lower is better); the report trend is `negative_emotion_intensity` of the client' +
      " progress report. Only split conversations have more than one session, so the others'" +
      ' reports cannot show a trend.',
    '',
    trendMarkdown(figures.trendTable),
    '',
    ...errorsSection(run),
    '## Per conversation',
    '',
    conversationsMarkdown(run.results),
    '',
  ].join('\n')
}

function figuresMarkdown(context: ReportContext, figures: ReplayFigures): string {
  const { conversationMood: mood, sessionMood, trend } = figures

  return markdownTable(
    ['figure', 'value'],
    [
      ['conversations', String(figures.conversations)],
      ['sessions', `${figures.sessions} (${figures.splitClients} clients split into several)`],
      ['client messages', String(figures.messages)],
      ['persona replies (non-null)', String(figures.personaReplies)],
      ['errors', String(figures.errors)],
      ['mood: primary = label', `${formatShare(mood.primary, mood.compared)} of ${mood.compared}`],
      [
        'mood: primary or secondary = label',
        `${formatShare(mood.primaryOrSecondary, mood.compared)} of ${mood.compared}`,
      ],
      [
        'per session: primary = label',
        `${formatShare(sessionMood.primary, sessionMood.compared)} of ${sessionMood.compared}`,
      ],
      [
        'trend agrees with survey',
        `${formatShare(trend.agree, trend.compared)} of ${trend.compared}` +
          ` (opposite ${trend.opposite}; ${trend.insufficient} without a trend)`,
      ],
      [
        'trend agrees where the survey moved',
        `${formatShare(trend.movedAgree, trend.moved)} of ${trend.moved}`,
      ],
      [
        'risk-flagged sessions',
        `${figures.riskSessions} (in ${figures.riskConversations} conversations)`,
      ],
      [
        'progress reports counting other than the completed sessions',
        String(figures.progressMismatches),
      ],
      ['latency per message p50', formatMs(figures.latencyMs.p50)],
      ['latency per message p99', formatMs(figures.latencyMs.p99)],
      ['latency per message max', formatMs(figures.latencyMs.max)],
      ['wall time', `${(context.run.wallMs / 1000).toFixed(1)} s`],
    ],
  )
}

function errorsSection(run: ReplayRun): string[] {
  const errors = run.results.flatMap((result) =>
    result.errors.map((error) => [String(result.conversation.index), error.message]),
  )

  if (errors.length === 0) {
    return []
  }

  return ['## Errors', '', markdownTable(['#', 'error'], errors), '']
}

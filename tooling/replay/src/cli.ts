import { mkdir, writeFile } from 'node:fs/promises'
import { basename, dirname } from 'node:path'

import { ApiFailure } from './api-errors.js'
import { readArgs, redactedCommand, USAGE, UsageError } from './args.js'
import { loadDataset } from './dataset.js'
import { computeFigures, type ReplayFigures } from './figures.js'
import { conversationLine, formatMs } from './format.js'
import { renderReport } from './report.js'
import { runReplay } from './replay-run.js'
import { formatShare } from './stats.js'

// Exit codes: 0 all replayed cleanly, 1 some request failed, 2 the command itself was wrong.
const EXIT_ERRORS = 1
const EXIT_USAGE = 2

async function main(argv: string[]): Promise<number> {
  const args = readArgs(argv, process.env)

  if (!args) {
    console.log(USAGE)
    return 0
  }

  const startedAt = new Date()
  const all = await loadDataset(args.dataPath).catch((error: Error) => {
    throw new UsageError(`cannot read --data ${args.dataPath}: ${error.message.slice(0, 500)}`)
  })
  const conversations = args.limit === null ? all : all.slice(0, args.limit)
  const apiBase = new URL('/api/v1', args.url).href

  const run = await runReplay(conversations, {
    apiBase,
    username: args.username,
    password: args.password,
    personaId: args.personaId,
    concurrency: args.concurrency,
    onConversation: (result) => {
      console.log(conversationLine(result))

      for (const error of result.errors) {
        console.error(`  error #${result.conversation.index}: ${error.message}`)
      }
    },
  })

  const figures = computeFigures(run.results)
  printFigures(figures, run.wallMs)

  if (args.reportPath) {
    const context = {
      command: redactedCommand(argv),
      startedAt,
      url: args.url.origin,
      dataFile: basename(args.dataPath),
      run,
    }
    await mkdir(dirname(args.reportPath), { recursive: true })
    await writeFile(args.reportPath, renderReport(context, figures))
    console.log(`report written to ${args.reportPath}`)
  }

  return figures.errors === 0 ? 0 : EXIT_ERRORS
}

function printFigures(figures: ReplayFigures, wallMs: number): void {
  const mood = figures.conversationMood

  console.log(
    [
      '',
      `conversations ${figures.conversations}, sessions ${figures.sessions}` +
        ` (${figures.splitClients} clients split), messages ${figures.messages}`,
      `errors ${figures.errors}, persona replies ${figures.personaReplies}`,
      `mood agreement: primary ${formatShare(mood.primary, mood.compared)},` +
        ` primary or secondary ${formatShare(mood.primaryOrSecondary, mood.compared)}` +
        ` of ${mood.compared}`,
      `trend agrees with survey: ${formatShare(figures.trend.agree, figures.trend.compared)}` +
        ` of ${figures.trend.compared} (opposite ${figures.trend.opposite}; where the survey` +
        ` moved ${formatShare(figures.trend.movedAgree, figures.trend.moved)} of ${figures.trend.moved})`,
      `risk-flagged sessions ${figures.riskSessions}, progress reports counting other than the` +
        ` completed sessions ${figures.progressMismatches}`,
      `latency per message p50 ${formatMs(figures.latencyMs.p50)},` +
        ` p99 ${formatMs(figures.latencyMs.p99)}`,
      `wall time ${(wallMs / 1000).toFixed(1)} s`,
    ].join('\n'),
  )
}

// `pnpm replay -- --flag` hands the separator through; it is not a positional argument.
const argv = process.argv.slice(2).filter((arg, position) => !(position === 0 && arg === '--'))

main(argv).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`)
      process.exitCode = EXIT_USAGE
    } else if (error instanceof ApiFailure) {
      console.error(`replay could not start: ${error.message}`)
      process.exitCode = EXIT_ERRORS
    } else {
      console.error(error)
      process.exitCode = EXIT_ERRORS
    }
  },
)

import { availableParallelism, cpus, loadavg } from 'node:os'
import { relative } from 'node:path'

import { runCleanup } from './cleanup.js'
import type { LoadTarget } from './load-target.js'
import { type LoadOptions, readOptions, USAGE } from './options.js'
import { REPO_ROOT } from './paths.js'
import { renderReport, writeReport } from './report.js'
import { isClean, resultsTable } from './report-table.js'
import { runScenario } from './scenario.js'
import { startSmartStepsTarget } from './smartsteps-target.js'
import { startSocketIoTarget } from './socket-io-target.js'

function displayPath(path: string) {
  const fromRoot = relative(REPO_ROOT, path)

  return fromRoot.startsWith('..') ? path : fromRoot
}

/** Starts one target, loads it, and stops it before the other one starts. */
async function measure(start: () => Promise<LoadTarget>, options: LoadOptions) {
  const target = await start()
  const result = await runScenario(target, options)
  const notes = target.notes()

  await target.stop()
  return { result, notes }
}

/** Runs Smart Steps, then the baseline, never both at once; resolves with the exit code. */
async function main(options: LoadOptions): Promise<number> {
  const { sockets, sessions, messages } = options
  const loadBefore = loadavg()[0]!

  console.log(`Smart Steps: ${sockets} sockets, ${sessions} sessions, ${messages} messages each`)
  const smartSteps = await measure(() => startSmartStepsTarget(sessions), options)

  console.log('Socket.IO: the same work')
  const socketIo = await measure(startSocketIoTarget, options)

  const ours = smartSteps.result
  const baseline = socketIo.result
  const notes = [...smartSteps.notes, ...socketIo.notes]
  const markdown = renderReport({
    options,
    machine: {
      date: new Date().toISOString(),
      node: process.version,
      cores: availableParallelism(),
      cpu: cpus()[0]?.model ?? 'unknown',
      loadBefore,
      loadAfter: loadavg()[0]!,
    },
    ours,
    baseline,
    notes,
  })

  console.log(`\n${resultsTable(ours, baseline)}\n\n${notes.join('\n')}`)
  await writeReport(options.reportPath, markdown)
  console.log(`\nReport: ${displayPath(options.reportPath)}`)

  // Lost, repeated or reordered deliveries fail the run, so a script can notice them.
  return isClean(ours) && isClean(baseline) ? 0 : 1
}

/** The run was cut short on purpose; its message says why, and a stack would add nothing. */
class RunAborted extends Error {}

function giveUpAfter(seconds: number): Promise<never> {
  return new Promise((_, reject) => {
    setTimeout(
      () => reject(new RunAborted(`gave up after ${seconds} s (raise --timeout)`)),
      seconds * 1000,
    ).unref()

    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => reject(new RunAborted(`stopped by ${signal}`)))
    }
  })
}

async function run(): Promise<number> {
  let options: LoadOptions

  try {
    options = readOptions(process.argv.slice(2))
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`)
    return 2
  }

  if (options.help) {
    console.log(USAGE)
    return 0
  }

  try {
    return await Promise.race([main(options), giveUpAfter(options.timeoutSeconds)])
  } catch (error) {
    const text = error instanceof RunAborted ? error.message : ((error as Error).stack ?? error)

    console.error(`ws-load failed: ${String(text)}`)
    return 1
  } finally {
    await runCleanup()
  }
}

// Exits explicitly: sockets of an aborted run would otherwise keep the process alive.
process.exit(await run())

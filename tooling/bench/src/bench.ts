import { mkdir, writeFile } from 'node:fs/promises'
import { availableParallelism, cpus } from 'node:os'
import { dirname } from 'node:path'

import { HealthSchema, SessionDetailSchema } from '@smartsteps/contracts'

import { prepareFixture } from './fixture.js'
import { measure, type LoadResult } from './load.js'
import { readOptions, USAGE } from './options.js'
import { renderReport, resultsTable } from './report.js'
import { checkStoredMessages } from './stored-messages.js'
import { startBaseline, startSmartSteps } from './servers.js'
import { targets } from './targets.js'

const cleanups: Array<() => Promise<void>> = []

async function cleanUp() {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup().catch((error: unknown) => console.error('cleanup failed:', error))
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void cleanUp().finally(() => process.exit(130))
  })
}

async function main(argv: string[]): Promise<number> {
  const options = readOptions(argv)

  if (options.help) {
    console.log(USAGE)
    return 0
  }

  const date = new Date()
  const baseline = await startBaseline()
  cleanups.push(baseline.stop)

  const server = await startSmartSteps(options.entry, options.logLevel)
  cleanups.push(server.stop)

  const fixture = await prepareFixture(server.origin, server.adminPassword)
  const results: LoadResult[] = []

  for (const target of targets(baseline.origin, server.origin, fixture)) {
    console.log(`measuring ${target.name} ...`)
    results.push(await measure(target, options.settings))
  }

  const health = HealthSchema.parse(await getJson(`${server.origin}/api/health`))
  const detail = SessionDetailSchema.parse(
    await getJson(`${server.origin}/api/v1/sessions/${fixture.sessionId}`, fixture.token),
  )
  await cleanUp()

  const [, , facilitator, client] = results

  if (!facilitator || !client) {
    throw new Error('the message ingestion targets did not run')
  }

  const storedMessages = checkStoredMessages(
    detail.message_count,
    fixture.seededMessages,
    facilitator,
    client,
    options.settings,
  )
  const report = renderReport(
    {
      command: ['pnpm bench', ...argv].join(' '),
      date,
      nodeVersion: process.version,
      cores: availableParallelism(),
      cpuModel: cpus()[0]?.model ?? 'unknown CPU',
      serverVersion: health.version,
      serverEntry: options.entry,
      logLevel: options.logLevel,
      settings: options.settings,
      storedMessages,
    },
    results,
  )

  await mkdir(dirname(options.reportPath), { recursive: true })
  await writeFile(options.reportPath, report)
  console.log(`\n${resultsTable(results)}\n\nreport written to ${options.reportPath}`)

  const failed = results.some((result) => result.errors > 0 || result.non2xx > 0)
  return failed || !storedMessages.ok ? 1 : 0
}

async function getJson(url: string, token?: string): Promise<unknown> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {}
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) })

  if (!response.ok) {
    throw new Error(`GET ${url} -> ${response.status}`)
  }

  return response.json()
}

const argv = process.argv.slice(2).filter((arg, position) => !(position === 0 && arg === '--'))

main(argv)
  .then((code) => {
    process.exitCode = code
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  })
  .finally(cleanUp)

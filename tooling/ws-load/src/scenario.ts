import {
  createDeliveryTracker,
  type DeliveryCounts,
  type DeliveryTracker,
  sumCounts,
} from './delivery-tracker.js'
import type { LoadPeer, LoadTarget } from './load-target.js'
import { decodeContent, encodeContent } from './message-content.js'
import { type LatencySummary, summarizeLatencies } from './percentile.js'
import { mapWithLimit } from './pool.js'
import { createProblemLog, type ProblemSummary } from './problem-log.js'

export interface ScenarioSettings {
  sockets: number
  sessions: number
  messages: number
  /** How long to wait after the last acknowledged send for deliveries still on the way. */
  drainMs?: number
}

export interface ScenarioResult {
  target: string
  /** Every socket should receive every message of its room once. */
  expected: number
  counts: DeliveryCounts
  /** From the first send to the last first-time delivery. */
  runMs: number
  deliveredPerSecond: number
  sentPerSecond: number
  latency: LatencySummary
  failedSends: number
  problems: ProblemSummary
  /** Opening and joining every socket, before the clock of the run starts. */
  setupMs: number
  /** CPU used during the run in percent of one core: near 100 means that side was the limit. */
  cpu: { server: number; loadGenerator: number }
}

// Enough to keep the listen backlog short while opening hundreds of sockets.
const CONNECT_CONCURRENCY = 50

const DRAIN_MS = 10_000

const range = (length: number) => Array.from({ length }, (_, index) => index)

/**
 * Spreads the sockets evenly over the rooms (socket i joins room i mod sessions) and lets the
 * first socket of each room send its messages one after another, each once the previous one was
 * acknowledged. All rooms send at the same time. Every socket, the sender included, must get
 * every message of its room once, in order.
 */
export async function runScenario(
  target: LoadTarget,
  settings: ScenarioSettings,
): Promise<ScenarioResult> {
  const { sockets, sessions, messages } = settings
  const expected = sockets * messages
  const latencies = new Float64Array(expected)
  const trackers: DeliveryTracker[] = []
  const problems = createProblemLog()
  let delivered = 0
  let lastDeliveryAt = 0
  let allDelivered = () => {}
  const everythingArrived = new Promise<void>((resolve) => (allDelivered = resolve))

  function onDelivery(socket: number, seq: number, content: string) {
    const receivedAt = performance.now()
    const tracker = trackers[socket]
    const message = decodeContent(content)

    if (!tracker) {
      return problems.add('a message arrived before its socket joined')
    }

    const fromOwnRoom = message !== null && message.room === socket % sessions
    const verdict = tracker.record(seq, fromOwnRoom ? message.index : -1)

    if (verdict === 'first' && message) {
      latencies[delivered] = receivedAt - message.sentAt
      delivered += 1
      lastDeliveryAt = receivedAt

      if (delivered === expected) {
        allDelivered()
      }
    }
  }

  const setupStart = performance.now()
  const peers = await mapWithLimit(range(sockets), CONNECT_CONCURRENCY, async (socket) => {
    const peer = await target.connect(socket % sessions, {
      delivery: (seq, content) => onDelivery(socket, seq, content),
      problem: (description) => problems.add(description),
    })

    trackers[socket] = createDeliveryTracker(await peer.join(), messages)
    return peer
  })
  const setupMs = performance.now() - setupStart

  const started = performance.now()
  const serverCpuBefore = target.serverCpuMs()
  const ownCpuBefore = process.cpuUsage()
  let failedSends = 0

  async function sendAll(sender: LoadPeer, room: number) {
    for (const index of range(messages)) {
      const content = encodeContent({ room, index, sentAt: performance.now() })

      await sender.send(content).catch((error: Error) => {
        failedSends += 1
        problems.add(`send failed: ${error.message}`)
      })
    }
  }

  await Promise.all(range(sessions).map((room) => sendAll(peers[room]!, room)))
  await waitAtMost(everythingArrived, settings.drainMs ?? DRAIN_MS)

  const runMs = (lastDeliveryAt || performance.now()) - started
  const ownCpu = process.cpuUsage(ownCpuBefore)
  const wallMs = performance.now() - started
  const cpu = {
    server: ((target.serverCpuMs() - serverCpuBefore) / wallMs) * 100,
    loadGenerator: ((ownCpu.user + ownCpu.system) / 1000 / wallMs) * 100,
  }

  peers.forEach((peer) => peer.close())

  return {
    target: target.name,
    expected,
    counts: sumCounts(trackers.map((tracker) => tracker.counts())),
    runMs,
    deliveredPerSecond: delivered / (runMs / 1000),
    sentPerSecond: (sessions * messages - failedSends) / (runMs / 1000),
    latency: summarizeLatencies(latencies.subarray(0, delivered)),
    failedSends,
    problems: problems.summary(),
    setupMs,
    cpu,
  }
}

function waitAtMost(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined

  return Promise.race([
    promise,
    new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))),
  ]).finally(() => clearTimeout(timer))
}

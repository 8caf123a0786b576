import type { LoadTarget } from './load-target.js'
import { SERVER_ENTRY } from './paths.js'
import { mapWithLimit } from './pool.js'
import { createActiveSession, createApi } from './smartsteps-api.js'
import { connectSmartSteps } from './smartsteps-peer.js'
import { RATE_LIMIT_OVERRIDE, startSmartSteps } from './smartsteps-server.js'

// Sessions are created a few at a time: the setup is not what this run measures.
const SETUP_CONCURRENCY = 4

/** The Smart Steps server with one active session per room, all owned by the admin. */
export async function startSmartStepsTarget(sessions: number): Promise<LoadTarget> {
  const server = await startSmartSteps()
  const api = createApi(server.origin, server.token)
  const sessionIds = await mapWithLimit(
    Array.from({ length: sessions }, (_, index) => index),
    SETUP_CONCURRENCY,
    (index) => createActiveSession(api, index + 1),
  )

  return {
    name: 'Smart Steps',
    connect: (room, events) =>
      connectSmartSteps(server.wsUrl, server.token, sessionIds[room]!, events),
    notes() {
      const { count, first } = server.child.noteworthy()

      return [
        `Smart Steps measured ${SERVER_ENTRY} as built at ${server.builtAt.toISOString()}.`,
        `Smart Steps ran with realtime.messages_per_second ${RATE_LIMIT_OVERRIDE.messages_per_second} and message_burst ${RATE_LIMIT_OVERRIDE.message_burst} and loopback exempt from the HTTP rate limits (a --config file), the rest at defaults.`,
        `Smart Steps log: ${count} warning or error line(s) at level warn${count > 0 ? `; first: ${first.join(' | ')}` : ''}.`,
      ]
    },
    serverCpuMs: () => server.child.cpuMs(),
    stop: () => server.child.stop(),
  }
}

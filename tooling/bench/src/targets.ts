import { CLIENT_LINES, type BenchFixture } from './fixture.js'
import type { LoadTarget } from './load.js'

const FACILITATOR_LINES = [
  'How did that feel when it happened?',
  'Let us write that down as something to try this week.',
  'What would you say to a friend in the same situation?',
]

/** The four targets, in the order they run: the POSTs last, since they grow the session. */
export function targets(
  baselineOrigin: string,
  origin: string,
  fixture: BenchFixture,
): LoadTarget[] {
  const session = `${origin}/api/v1/sessions/${fixture.sessionId}`
  const auth = { authorization: `Bearer ${fixture.token}` }
  const messages = (lines: string[], senderType: string) =>
    lines.map((content) => JSON.stringify({ content, sender_type: senderType }))

  return [
    {
      name: 'baseline GET (bare node:http)',
      note: 'a bare node:http server in its own process returning a small JSON body: the floor.',
      url: `${baselineOrigin}/`,
      method: 'GET',
    },
    {
      name: 'GET /api/v1/sessions/{id}',
      note:
        'authenticated session detail: token check, storage read and the transcript, ' +
        `${fixture.seededMessages} messages (the POST runs come after).`,
      url: session,
      method: 'GET',
      headers: auth,
    },
    {
      name: 'POST messages, facilitator',
      note:
        "message ingestion with sender_type 'facilitator': validated and stored, " +
        'no persona reply.',
      url: `${session}/messages`,
      method: 'POST',
      headers: auth,
      bodies: messages(FACILITATOR_LINES, 'facilitator'),
    },
    {
      name: 'POST messages, client',
      note:
        "message ingestion with sender_type 'client': stored, then the persona reply is " +
        'written and returned in the same request. All connections post to one session, whose ' +
        'messages the server takes one at a time, so this is the throughput of a single session.',
      url: `${session}/messages`,
      method: 'POST',
      headers: auth,
      bodies: messages(CLIENT_LINES, 'client'),
    },
  ]
}

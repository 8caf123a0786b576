import {
  ClientSchema,
  CreateMessageResponseSchema,
  ErrorEnvelopeSchema,
  SessionSchema,
  TokenResponseSchema,
} from '@smartsteps/contracts'
import type { z } from 'zod'

export interface BenchFixture {
  token: string
  sessionId: string
  /** Messages in the session before the load starts, persona replies included. */
  seededMessages: number
}

/** Client lines of the bench's own invention, rotated so not every message is the same. */
export const CLIENT_LINES = [
  'I have been feeling anxious about work and I cannot sleep well.',
  'Today was a little better, I went for a walk after lunch.',
  'My sister and I argued again and I feel guilty about it.',
  'I keep thinking I am not good enough for this job.',
  'I tried the breathing exercise and it helped for a while.',
]

// A realistic transcript for the GET measurement: the session detail carries its messages.
const SEED_MESSAGES = 10

/** Logs in as admin, then creates a client and an active session with a short transcript. */
export async function prepareFixture(origin: string, adminPassword: string): Promise<BenchFixture> {
  const api = `${origin}/api/v1`
  const credentials = { username: 'admin', password: adminPassword }
  const { token } = await call(`${api}/auth/login`, null, credentials, TokenResponseSchema)

  const clientBody = { first_name: 'Bench', last_name: 'Client' }
  const client = await call(`${api}/clients`, token, clientBody, ClientSchema)

  const sessionBody = {
    client_id: client.client_id,
    persona_id: 'dr_morgan_hayes',
    goals: ['Benchmark'],
  }
  const session = await call(`${api}/sessions`, token, sessionBody, SessionSchema)
  const sessionPath = `${api}/sessions/${session.session_id}`

  await call(`${sessionPath}/start`, token, undefined, SessionSchema)

  let seededMessages = 0

  for (let index = 0; index < SEED_MESSAGES; index++) {
    const body = { content: CLIENT_LINES[index % CLIENT_LINES.length], sender_type: 'client' }
    const sent = await call(`${sessionPath}/messages`, token, body, CreateMessageResponseSchema)
    seededMessages += sent.persona_reply ? 2 : 1
  }

  return { token, sessionId: session.session_id, seededMessages }
}

async function call<Schema extends z.ZodType>(
  url: string,
  token: string | null,
  body: unknown,
  schema: Schema,
): Promise<z.output<Schema>> {
  const headers: Record<string, string> = {}

  if (body !== undefined) {
    headers['content-type'] = 'application/json'
  }

  if (token) {
    headers.authorization = `Bearer ${token}`
  }

  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  })
  const json: unknown = await response.json().catch(() => null)

  if (!response.ok) {
    const error = ErrorEnvelopeSchema.safeParse(json)
    const detail = error.success
      ? `${error.data.error.code} (${error.data.error.request_id}): ${error.data.error.message}`
      : 'no error envelope'
    throw new Error(`bench setup: POST ${url} -> ${response.status} ${detail}`)
  }

  return schema.parse(json)
}

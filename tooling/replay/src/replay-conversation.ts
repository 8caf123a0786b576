import {
  ClientSchema,
  CreateMessageResponseSchema,
  MESSAGE_MAX_LENGTH,
  ProgressReportSchema,
  SessionSchema,
  SessionSummarySchema,
  type MoodAnalysis,
  type ProgressMetric,
  type RiskCategory,
} from '@smartsteps/contracts'
import { z } from 'zod'

import type { ApiClient } from './api-client.js'
import type { Conversation } from './dataset.js'
import { goalsFor } from './goals.js'
import { splitIntoSessions } from './split.js'

export interface SessionResult {
  sessionId: string
  messages: number
  mood: MoodAnalysis
  riskCategories: RiskCategory[]
  riskFlagged: boolean
}

export interface ConversationResult {
  conversation: Conversation
  parts: number
  sessions: SessionResult[]
  /** Client-side milliseconds of each client message sent, persona reply included. */
  latencies: number[]
  personaReplies: number
  negativeEmotion: ProgressMetric | null
  sessionsAnalyzed: number | null
  errors: Error[]
}

export interface ReplayOptions {
  personaId: string
}

// Each state change is checked against the lifecycle, so a server that skips one fails here.
const ScheduledSessionSchema = SessionSchema.extend({ status: z.literal('scheduled') })
const ActiveSessionSchema = SessionSchema.extend({ status: z.literal('active') })
const CompletedSessionSchema = SessionSchema.extend({ status: z.literal('completed') })

/**
 * Replays one conversation as one client: its seeker turns become client messages in one to
 * three consecutive sessions, each summarised, then the client's progress report is read. The
 * first failure stops the conversation, since every later step depends on the earlier ones.
 */
export async function replayConversation(
  api: ApiClient,
  conversation: Conversation,
  options: ReplayOptions,
): Promise<ConversationResult> {
  const parts = splitIntoSessions(conversation.seekerTurns)
  const result: ConversationResult = {
    conversation,
    parts: parts.length,
    sessions: [],
    latencies: [],
    personaReplies: 0,
    negativeEmotion: null,
    sessionsAnalyzed: null,
    errors: [],
  }

  try {
    const placeholder = {
      first_name: 'Replay',
      last_name: String(conversation.index).padStart(3, '0'),
    }
    const client = await api.request('POST', '/clients', placeholder, ClientSchema, 201)

    for (const [part, turns] of parts.entries()) {
      const goals = goalsFor(conversation.problemType)
      const metadata = { source: 'esconv-replay', conversation: conversation.index, part: part + 1 }
      const body = {
        client_id: client.data.client_id,
        persona_id: options.personaId,
        goals,
        metadata,
      }
      result.sessions.push(await replaySession(api, body, turns, result))
    }

    const progress = await api.request(
      'POST',
      `/clients/${client.data.client_id}/analyze/progress`,
      {},
      ProgressReportSchema,
    )
    result.negativeEmotion = progress.data.metrics.negative_emotion_intensity
    result.sessionsAnalyzed = progress.data.sessions_analyzed
  } catch (error) {
    result.errors.push(error instanceof Error ? error : new Error(String(error)))
  }

  return result
}

async function replaySession(
  api: ApiClient,
  body: Record<string, unknown>,
  turns: readonly string[],
  tally: Pick<ConversationResult, 'latencies' | 'personaReplies'>,
): Promise<SessionResult> {
  const created = await api.request('POST', '/sessions', body, ScheduledSessionSchema, 201)
  const path = `/sessions/${created.data.session_id}`

  await api.request('POST', `${path}/start`, undefined, ActiveSessionSchema)

  for (const turn of turns) {
    // The longest ESConv turn is far below the limit; the cut only guards other data files.
    const content = turn.slice(0, MESSAGE_MAX_LENGTH)
    const message = { content, sender_type: 'client' }
    const sent = await api.request(
      'POST',
      `${path}/messages`,
      message,
      CreateMessageResponseSchema,
      201,
    )
    tally.latencies.push(sent.ms)
    tally.personaReplies += sent.data.persona_reply ? 1 : 0
  }

  await api.request('POST', `${path}/end`, undefined, CompletedSessionSchema)

  const summary = await api.request(
    'POST',
    `${path}/analyze/summary`,
    undefined,
    SessionSummarySchema,
  )

  return {
    sessionId: created.data.session_id,
    messages: turns.length,
    mood: summary.data.mood_analysis,
    riskCategories: summary.data.risk.categories,
    riskFlagged: summary.data.risk.flagged,
  }
}

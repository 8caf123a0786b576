import type { MoodAnalysis } from '@smartsteps/contracts'

import {
  combineMoods,
  confusionTable,
  moodAgreement,
  surveyDirection,
  trendAgreement,
  type Direction,
  type MoodAgreement,
  type TrendAgreement,
} from './agreement.js'
import type { ConversationResult } from './replay-conversation.js'
import { percentile } from './stats.js'

export interface ReplayFigures {
  conversations: number
  sessions: number
  /** Clients whose conversation was split into several sessions. */
  splitClients: number
  messages: number
  personaReplies: number
  errors: number
  latencyMs: { p50: number | null; p99: number | null; max: number | null }
  /** The conversation's combined mood against its label. */
  conversationMood: MoodAgreement
  /** Each session's own mood against its conversation's label. */
  sessionMood: MoodAgreement
  confusion: Map<string, Map<string, number>>
  trend: TrendAgreement
  /** Survey direction (row) against the report's negative_emotion_intensity trend (column). */
  trendTable: Map<Direction, Map<string, number>>
  riskSessions: number
  riskConversations: number
  /** Progress reports whose sessions_analyzed differs from the sessions the client completed. */
  progressMismatches: number
}

/** The mood a conversation is judged by: its sessions' moods combined. */
export function conversationMood(result: ConversationResult): MoodAnalysis | null {
  return combineMoods(result.sessions.map(({ mood, messages }) => ({ mood, messages })))
}

export function computeFigures(results: readonly ConversationResult[]): ReplayFigures {
  const latencies = results.flatMap((result) => result.latencies)
  const labelled = results.map((result) => ({
    label: result.conversation.emotionType,
    mood: conversationMood(result),
  }))
  const sessionLabelled = results.flatMap((result) =>
    result.sessions.map((session) => ({
      label: result.conversation.emotionType,
      mood: session.mood,
    })),
  )
  const trendRows = results.map((result) => ({
    survey: surveyDirection(
      result.conversation.initialIntensity,
      result.conversation.finalIntensity,
    ),
    trend: result.negativeEmotion?.trend ?? null,
  }))

  return {
    conversations: results.length,
    sessions: results.reduce((sum, result) => sum + result.sessions.length, 0),
    splitClients: results.filter((result) => result.parts > 1).length,
    messages: latencies.length,
    personaReplies: results.reduce((sum, result) => sum + result.personaReplies, 0),
    errors: results.reduce((sum, result) => sum + result.errors.length, 0),
    latencyMs: {
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies.length === 0 ? null : Math.max(...latencies),
    },
    conversationMood: moodAgreement(labelled),
    sessionMood: moodAgreement(sessionLabelled),
    confusion: confusionTable(labelled),
    trend: trendAgreement(trendRows),
    trendTable: tabulateTrends(trendRows),
    riskSessions: results.flatMap((result) => result.sessions).filter((s) => s.riskFlagged).length,
    riskConversations: results.filter((result) => result.sessions.some((s) => s.riskFlagged))
      .length,
    progressMismatches: results.filter(
      (result) =>
        result.sessionsAnalyzed !== null && result.sessionsAnalyzed !== result.sessions.length,
    ).length,
  }
}

function tabulateTrends(
  rows: ReadonlyArray<{ survey: Direction | null; trend: string | null }>,
): Map<Direction, Map<string, number>> {
  const table = new Map<Direction, Map<string, number>>()

  for (const { survey, trend } of rows) {
    if (!survey) {
      continue
    }

    const row = table.get(survey) ?? new Map<string, number>()
    const column = trend ?? 'none'
    row.set(column, (row.get(column) ?? 0) + 1)
    table.set(survey, row)
  }

  return table
}

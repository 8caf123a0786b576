import type { Mood, MoodAnalysis, ProgressMetric } from '@smartsteps/contracts'

/** A session summary's mood with the number of client messages the session held. */
export interface SessionMood {
  mood: MoodAnalysis
  messages: number
}

/**
 * One mood for a conversation replayed as several sessions. Each session's primary mood scores
 * its confidence times its client messages, an estimate of how many messages carried it; the
 * best score wins (ties: more messages, then the earlier session). The secondary is the
 * runner-up, else the winning session's own secondary; the confidence is the winner's share of
 * all messages. For a single session this is exactly that session's mood analysis.
 */
export function combineMoods(sessions: readonly SessionMood[]): MoodAnalysis | null {
  const tally = new Map<Mood, { score: number; messages: number; order: number }>()

  for (const [order, { mood, messages }] of sessions.entries()) {
    const entry = tally.get(mood.primary) ?? { score: 0, messages: 0, order }
    entry.score += mood.confidence * messages
    entry.messages += messages
    tally.set(mood.primary, entry)
  }

  const ranked = [...tally.entries()].sort(
    ([, a], [, b]) => b.score - a.score || b.messages - a.messages || a.order - b.order,
  )
  const [winner, runnerUp] = ranked

  if (!winner) {
    return null
  }

  const [primary, { score, order }] = winner
  const totalMessages = sessions.reduce((sum, session) => sum + session.messages, 0)
  const ownSecondary = sessions[order]?.mood.secondary ?? null
  const secondary = runnerUp ? runnerUp[0] : ownSecondary === primary ? null : ownSecondary
  const confidence = totalMessages === 0 ? 0 : score / totalMessages

  return { primary, secondary, confidence }
}

export interface LabelledMood {
  label: string
  mood: MoodAnalysis | null
}

export interface MoodAgreement {
  compared: number
  primary: number
  primaryOrSecondary: number
}

/** How often the mood found equals the seeker's own label; rows without a mood are left out. */
export function moodAgreement(rows: readonly LabelledMood[]): MoodAgreement {
  const result: MoodAgreement = { compared: 0, primary: 0, primaryOrSecondary: 0 }

  for (const { label, mood } of rows) {
    if (!mood) {
      continue
    }

    result.compared += 1
    result.primary += mood.primary === label ? 1 : 0
    result.primaryOrSecondary += mood.primary === label || mood.secondary === label ? 1 : 0
  }

  return result
}

/** Counts of label (row) against primary mood found (column); `none` when no mood was found. */
export function confusionTable(rows: readonly LabelledMood[]): Map<string, Map<string, number>> {
  const table = new Map<string, Map<string, number>>()

  for (const { label, mood } of rows) {
    const row = table.get(label) ?? new Map<string, number>()
    const found = mood?.primary ?? 'none'
    row.set(found, (row.get(found) ?? 0) + 1)
    table.set(label, row)
  }

  return table
}

export type Direction = 'improving' | 'worsening' | 'stable'

/** The survey's direction: a lower final intensity is an improvement, as in the metric. */
export function surveyDirection(initial: number | null, final: number | null): Direction | null {
  if (initial === null || final === null) {
    return null
  }

  return final < initial ? 'improving' : final > initial ? 'worsening' : 'stable'
}

export interface TrendRow {
  survey: Direction | null
  trend: ProgressMetric['trend'] | null
}

export interface TrendAgreement {
  /** Rows with a survey direction and a trend other than insufficient_data. */
  compared: number
  agree: number
  /** One says improving and the other worsening. */
  opposite: number
  /** Compared rows where the survey moved, improving or worsening, and how many of them agree. */
  moved: number
  movedAgree: number
  /** Rows with a survey direction whose report had insufficient data or none. */
  insufficient: number
}

export function trendAgreement(rows: readonly TrendRow[]): TrendAgreement {
  const result: TrendAgreement = {
    compared: 0,
    agree: 0,
    opposite: 0,
    insufficient: 0,
    moved: 0,
    movedAgree: 0,
  }

  for (const { survey, trend } of rows) {
    if (!survey) {
      continue
    }

    if (!trend || trend === 'insufficient_data') {
      result.insufficient += 1
      continue
    }

    result.compared += 1
    result.agree += survey === trend ? 1 : 0
    result.opposite += survey !== 'stable' && trend !== 'stable' && survey !== trend ? 1 : 0

    if (survey !== 'stable') {
      result.moved += 1
      result.movedAgree += survey === trend ? 1 : 0
    }
  }

  return result
}

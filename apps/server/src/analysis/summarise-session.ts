import type {
  Insight,
  Message,
  MoodAnalysis,
  PersonaFile,
  RiskCategory,
} from '@smartsteps/contracts'

import { salientSentences } from '../language/index.js'
import { recommendFocusAreas } from './focus-areas.js'
import { gatherFacts } from './session-facts.js'
import { sessionInsights } from './session-insights.js'
import { summaryText } from './summary-text.js'

export interface SessionSummaryInput {
  persona: PersonaFile
  goals: string[]
  /** The whole transcript, oldest first; only the client's messages are analysed. */
  messages: Message[]
}

export interface SessionAnalysis {
  summary: string
  key_points: string[]
  mood_analysis: MoodAnalysis
  recommended_focus_areas: string[]
  insights: Insight[]
  /** Every risk category a client message signalled, sorted. */
  risk_categories: RiskCategory[]
}

/** The most key points a summary lists. */
const MAX_KEY_POINTS = 5

/**
 * Summarises a session from its transcript, locally: a readable paragraph, the client's most
 * telling sentences, their mood, the persona's techniques that fit, insights and risk.
 *
 * @example
 * const analysis = summariseSession({ persona, goals: session.goals, messages })
 * analysis.mood_analysis // { primary: 'anxiety', secondary: 'sadness', confidence: 0.58 }
 */
export function summariseSession({
  persona,
  goals,
  messages,
}: SessionSummaryInput): SessionAnalysis {
  const facts = gatherFacts(messages, goals)
  const focusAreas = recommendFocusAreas(persona, facts.moodScores, facts.topics)

  return {
    summary: summaryText(persona.name, goals, facts, focusAreas),
    key_points: salientSentences(
      facts.readings.map(({ message }) => message.content),
      MAX_KEY_POINTS,
    ),
    mood_analysis: facts.mood,
    recommended_focus_areas: focusAreas,
    insights: sessionInsights(facts),
    risk_categories: facts.risk,
  }
}

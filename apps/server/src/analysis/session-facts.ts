import type { Message, MoodAnalysis, RiskCategory } from '@smartsteps/contracts'

import { contentWords, emptyScores, moodOfTexts, type MoodScores } from '../language/index.js'
import { type ClientReading, readClientMessages } from './client-readings.js'
import { type TopicCount, topicsRaised } from './topics-raised.js'

/** What a session's transcript shows, gathered once for the summary and the insights. */
export interface SessionFacts {
  readings: ClientReading[]
  topics: TopicCount[]
  mood: MoodAnalysis
  moodScores: MoodScores
  /** Mean negative intensity over the client's messages, 0..10. */
  meanIntensity: number
  /** Negative intensity in the first and second half, when there are enough messages. */
  shift: { from: number; to: number } | null
  goalsTouched: string[]
  copingCount: number
  risk: RiskCategory[]
}

/** Fewer client messages than this say too little to compare the halves of a session. */
const MIN_FOR_SHIFT = 4

export function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10
}

function shiftOf(readings: ClientReading[]): SessionFacts['shift'] {
  if (readings.length < MIN_FOR_SHIFT) {
    return null
  }

  const half = Math.floor(readings.length / 2)
  const intensity = (part: ClientReading[]) =>
    mean(part.map(({ reading }) => reading.negativeIntensity))

  return {
    from: round1(intensity(readings.slice(0, half))),
    to: round1(intensity(readings.slice(half))),
  }
}

/** Goal words shorter than this ("get", "be") are too common to show a goal was touched. */
const MIN_GOAL_WORD = 4

/** A goal counts as touched when the client used one of its content words. */
function goalsTouched(goals: string[], readings: ClientReading[]): string[] {
  const said = contentWords(readings.map(({ message }) => message.content).join(' '))

  return goals.filter((goal) =>
    [...contentWords(goal)].some((word) => word.length >= MIN_GOAL_WORD && said.has(word)),
  )
}

export function gatherFacts(messages: Message[], goals: string[]): SessionFacts {
  const readings = readClientMessages(messages)
  const moodScores = emptyScores()
  const risk = new Set<RiskCategory>()

  for (const { reading } of readings) {
    for (const mood of Object.keys(moodScores) as (keyof MoodScores)[]) {
      moodScores[mood] += reading.scores[mood]
    }

    reading.risk.forEach((category) => risk.add(category))
  }

  return {
    readings,
    topics: topicsRaised(readings),
    mood: moodOfTexts(readings.map(({ message }) => message.content)),
    moodScores,
    meanIntensity: round1(mean(readings.map(({ reading }) => reading.negativeIntensity))),
    shift: shiftOf(readings),
    goalsTouched: goalsTouched(goals, readings),
    copingCount: readings.filter(({ reading }) => reading.coping).length,
    risk: [...risk].sort(),
  }
}

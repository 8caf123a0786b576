import type { RiskCategory } from '@smartsteps/contracts'

import type { SessionFacts } from './session-facts.js'
import { listOf, TOPIC_LABELS } from './topic-labels.js'

const RISK_WORDS: Record<RiskCategory, string> = {
  self_harm: 'self-harm',
  harm_to_others: 'harming others',
}

/** A 0..10 intensity in words. */
export function intensityWords(value: number): string {
  if (value < 2) {
    return 'low'
  }

  if (value < 4.5) {
    return 'moderate'
  }

  return value < 7 ? 'high' : 'very high'
}

function moodSentence({ mood, meanIntensity, shift }: SessionFacts): string {
  if (mood.primary === 'neutral') {
    return 'Their messages carried little clear emotion.'
  }

  const secondary = mood.secondary ? `, with some ${mood.secondary}` : ''
  const level = `negative feeling was ${intensityWords(meanIntensity)} overall (${meanIntensity} of 10)`
  let change = ''

  if (shift && shift.to <= shift.from - 1) {
    change = ` and eased towards the end (${shift.from} to ${shift.to})`
  } else if (shift && shift.to >= shift.from + 1) {
    change = ` and rose towards the end (${shift.from} to ${shift.to})`
  }

  return `The prevailing mood was ${mood.primary}${secondary}; ${level}${change}.`
}

function goalSentence(goals: string[], touched: string[]): string | null {
  if (goals.length === 0) {
    return null
  }

  const quoted = (items: string[]) => listOf(items.map((goal) => `"${goal}"`))

  if (touched.length === 0) {
    return `The session's goals (${quoted(goals)}) did not come up in the client's own words.`
  }

  return touched.length === goals.length
    ? `The client spoke to every goal of the session (${quoted(goals)}).`
    : `The client spoke to ${quoted(touched)}, one of the goals of the session.`
}

/**
 * The readable paragraph of a session summary: who talked about what, the mood and how it
 * moved, the goals, coping and any risk, and which techniques fit.
 */
export function summaryText(
  personaName: string,
  goals: string[],
  facts: SessionFacts,
  focusAreas: string[],
): string {
  const count = facts.readings.length

  if (count === 0) {
    return `No client messages were recorded in this session with ${personaName}, so there is nothing to summarise yet.`
  }

  const topics = facts.topics.slice(0, 3).map(({ topic }) => TOPIC_LABELS[topic])
  const sentences = [
    `The client sent ${count} message${count === 1 ? '' : 's'} in this session with ${personaName}${
      topics.length > 0 ? ` and talked mainly about ${listOf(topics)}` : ''
    }.`,
    moodSentence(facts),
    goalSentence(goals, facts.goalsTouched),
    facts.copingCount > 0
      ? `They named ${facts.copingCount} step${facts.copingCount === 1 ? '' : 's'} they could take or had taken.`
      : null,
    facts.risk.length > 0
      ? `At least one message signalled a risk of ${listOf(facts.risk.map((risk) => RISK_WORDS[risk]))}; the facilitator should review the session and follow up.`
      : null,
    focusAreas.length > 0 ? `${capitalise(listOf(focusAreas))} fit what was raised.` : null,
  ]

  return sentences.filter((sentence) => sentence !== null).join(' ')
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

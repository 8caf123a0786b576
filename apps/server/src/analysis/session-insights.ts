import type { Insight } from '@smartsteps/contracts'

import type { SessionFacts } from './session-facts.js'
import { TOPIC_LABELS } from './topic-labels.js'

/** A topic counts as a pattern when it runs through at least this share of client messages. */
const RECURRING_SHARE = 0.3

/** How sure a statement drawn from `count` messages can be: more messages, more sure. */
function confidenceFrom(count: number): number {
  return Math.round(Math.min(0.9, 0.3 + 0.06 * count) * 100) / 100
}

/** The session's insights: its mood, recurring topics, movement within it and any risk. */
export function sessionInsights(facts: SessionFacts): Insight[] {
  const count = facts.readings.length

  if (count === 0) {
    return []
  }

  const insights: Insight[] = []
  const { mood } = facts

  if (mood.primary !== 'neutral') {
    insights.push({
      type: 'mood',
      text: `Mostly ${mood.primary}${mood.secondary ? `, with ${mood.secondary}` : ''} in the client's messages.`,
      confidence: mood.confidence,
    })
  }

  for (const { topic, messages } of facts.topics.slice(0, 2)) {
    if (messages >= 2 && messages / count >= RECURRING_SHARE) {
      insights.push({
        type: 'pattern',
        text: `${TOPIC_LABELS[topic].replace(/^./, (first) => first.toUpperCase())} came up in ${messages} of ${count} client messages.`,
        confidence: Math.round(Math.min(0.95, messages / count + 0.2) * 100) / 100,
      })
    }
  }

  if (facts.shift && Math.abs(facts.shift.to - facts.shift.from) >= 1) {
    const eased = facts.shift.to < facts.shift.from
    insights.push({
      type: 'progress',
      text: `Negative feeling ${eased ? 'eased' : 'rose'} from ${facts.shift.from} to ${facts.shift.to} (of 10) between the first and second half of the session.`,
      confidence: confidenceFrom(count),
    })
  }

  if (facts.copingCount > 0) {
    insights.push({
      type: 'progress',
      text: `The client named ${facts.copingCount} coping step${facts.copingCount === 1 ? '' : 's'} or plan${facts.copingCount === 1 ? '' : 's'}.`,
      confidence: confidenceFrom(facts.copingCount + 4),
    })
  }

  if (facts.risk.length > 0) {
    insights.push({
      type: 'risk',
      text: `Risk signalled (${facts.risk.join(', ')}): review the flagged messages and follow up with the client.`,
      confidence: 0.9,
    })
  }

  return insights
}

import type { Mood } from '@smartsteps/contracts'

import { clip, contentWords, rankTechniques } from '../../language/index.js'
import type { Conversation } from './conversation.js'
import { GENERAL_FACTS, MOOD_FACTS, TOPIC_FACTS } from './facts.js'
import { feelingWords } from './feelings.js'
import { pick, unit } from './seed.js'

export interface Slots {
  name: string
  topic?: string
  phrase?: string
  feeling?: string
  goal?: string
  /** Whether the goal shares words with what the client is talking about now. */
  goalRelevant?: boolean
  technique?: string
  guide?: string
  fact?: string
  /** A second fact, for personas who explain more. */
  moreFact?: string
}

/** Goals may be long; a reply quotes at most this many characters of one. */
const GOAL_CHARS = 100

/** How often a question turns to the session's goals rather than the topic alone. */
const GOAL_SHARE = 0.25

function unused(items: readonly string[], previousReplies: string[]): string[] {
  return items.filter((item) => !previousReplies.some((reply) => reply.includes(item)))
}

/** A technique fits what the client raised when its fit is at least this; else none is offered. */
const MIN_FIT = 0.2

/**
 * The best-fitting technique that still has a suggestion not given in the recent replies. When
 * nothing fits, there is no suggestion, unless the client asked for one.
 */
function suggestionFor(conversation: Conversation): Pick<Slots, 'technique' | 'guide'> {
  const { persona, reading, topic, previousReplies, seed, helpSeeking } = conversation
  const moods: Partial<Record<Mood, number>> = { [reading.mood]: 1 }

  if (reading.secondary) {
    moods[reading.secondary] = 0.5
  }

  const ranked = rankTechniques(persona.techniques, moods, topic ? { [topic]: 1 } : {}).filter(
    (entry, index) => entry.fit >= MIN_FIT || (helpSeeking && index === 0),
  )

  for (const { technique } of ranked) {
    const guides = persona.technique_guides[technique] ?? []
    const fresh = guides.filter((guide) => !previousReplies.some((reply) => reply.includes(guide)))

    if (fresh.length > 0) {
      return { technique, guide: pick(fresh, seed, 'guide') }
    }
  }

  // Every fitting suggestion was given recently: better another strategy than a repeat.
  return {}
}

function factsFor(conversation: Conversation): string[] {
  const { reading, topic, previousReplies } = conversation
  const byMood = MOOD_FACTS[reading.mood] ?? []
  const byTopic = topic ? (TOPIC_FACTS[topic] ?? []) : []

  const specific = unused([...byTopic, ...byMood], previousReplies)

  // Every fact is said once per conversation window; then information gives way to others.
  return specific.length > 0 ? specific : unused(GENERAL_FACTS, previousReplies)
}

function goalFor(conversation: Conversation): string | undefined {
  // Tracking a goal right after a risk signal would read as moving on from it.
  if (conversation.recentRisk) {
    return undefined
  }

  const goal = pick(conversation.goals, conversation.seed, 'goal')

  if (!goal || unit(conversation.seed, 'use-goal') > GOAL_SHARE) {
    return undefined
  }

  return clip(goal.replace(/[.!]+$/, ''), GOAL_CHARS)
}

/** Goal words shorter than this ("be", "get") say nothing about a match. */
const MIN_GOAL_WORD = 4

function sharesWords(goal: string, conversation: Conversation): boolean {
  const current = contentWords(`${conversation.text} ${conversation.topicRef ?? ''}`)
  return [...contentWords(goal)].some((word) => word.length >= MIN_GOAL_WORD && current.has(word))
}

/** Everything a template may ask for, drawn from the conversation with seeded choices. */
export function slotsFor(conversation: Conversation): Slots {
  const { reading, style, seed } = conversation
  const feelingMood = reading.mood === 'neutral' ? null : reading.mood
  const facts = factsFor(conversation)
  const goal = goalFor(conversation)
  const fact = pick(facts, seed, 'fact')
  const moreFact = facts.find((item) => item !== fact)

  return {
    name: conversation.persona.name,
    topic: conversation.topicRef ?? undefined,
    phrase: conversation.phrase ?? undefined,
    feeling: feelingMood
      ? pick(feelingWords(feelingMood, reading.intensity, style.complexity), seed, 'feeling')
      : undefined,
    goal,
    goalRelevant: goal !== undefined && sharesWords(goal, conversation),
    fact,
    moreFact,
    ...suggestionFor(conversation),
  }
}

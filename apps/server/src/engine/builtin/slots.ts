import type { Mood } from '@smartsteps/contracts'

import { clip, rankTechniques } from '../../language/index.js'
import type { Conversation } from './conversation.js'
import { MOOD_FACTS, TOPIC_FACTS } from './facts.js'
import { feelingWords } from './feelings.js'
import { pick, unit } from './seed.js'

export interface Slots {
  name: string
  topic?: string
  phrase?: string
  feeling?: string
  goal?: string
  technique?: string
  guide?: string
  fact?: string
  /** A second fact, for personas who explain more. */
  moreFact?: string
}

/** Goals may be long; a reply quotes at most this many characters of one. */
const GOAL_CHARS = 100

/** How often a question turns to the session's goals rather than the topic alone. */
const GOAL_SHARE = 0.35

function unused(items: readonly string[], previousReplies: string[]): string[] {
  const fresh = items.filter((item) => !previousReplies.some((reply) => reply.includes(item)))
  return fresh.length > 0 ? fresh : [...items]
}

/** The best-fitting technique that still has a suggestion not given in the recent replies. */
function suggestionFor(conversation: Conversation): Pick<Slots, 'technique' | 'guide'> {
  const { persona, reading, topic, previousReplies, seed } = conversation
  const moods: Partial<Record<Mood, number>> = { [reading.mood]: 1 }

  if (reading.secondary) {
    moods[reading.secondary] = 0.5
  }

  const ranked = rankTechniques(persona.techniques, moods, topic ? { [topic]: 1 } : {})

  for (const { technique } of ranked) {
    const guides = persona.technique_guides[technique] ?? []
    const fresh = guides.filter((guide) => !previousReplies.some((reply) => reply.includes(guide)))

    if (fresh.length > 0) {
      return { technique, guide: pick(fresh, seed, 'guide') }
    }
  }

  const first = ranked[0]?.technique
  return first
    ? { technique: first, guide: pick(persona.technique_guides[first] ?? [], seed, 'guide') }
    : {}
}

function factsFor(conversation: Conversation): string[] {
  const { reading, topic, previousReplies } = conversation
  const byMood = MOOD_FACTS[reading.mood] ?? []
  const byTopic = topic ? (TOPIC_FACTS[topic] ?? []) : []

  return [...unused(byTopic, previousReplies), ...unused(byMood, previousReplies)]
}

function goalFor(conversation: Conversation): string | undefined {
  const goal = pick(conversation.goals, conversation.seed, 'goal')

  if (!goal || unit(conversation.seed, 'use-goal') > GOAL_SHARE) {
    return undefined
  }

  return clip(goal.replace(/[.!]+$/, ''), GOAL_CHARS)
}

/** Everything a template may ask for, drawn from the conversation with seeded choices. */
export function slotsFor(conversation: Conversation): Slots {
  const { reading, style, seed } = conversation
  const feelingMood = reading.mood === 'neutral' ? null : reading.mood
  const facts = factsFor(conversation)
  const fact = pick(facts, seed, 'fact')
  const moreFact = facts.find((item) => item !== fact)

  return {
    name: conversation.persona.name,
    topic: conversation.topicRef ?? undefined,
    phrase: conversation.phrase ?? undefined,
    feeling: feelingMood
      ? pick(feelingWords(feelingMood, reading.intensity, style.complexity), seed, 'feeling')
      : undefined,
    goal: goalFor(conversation),
    fact,
    moreFact,
    ...suggestionFor(conversation),
  }
}

import type { Mood } from '@smartsteps/contracts'

import { EMOTION_LEXICON } from './emotion-lexicon.js'
import { emphasisFactor, intensityFactor } from './intensifiers.js'
import { isNegator, negatedPositions } from './negation.js'
import { isBreak, tokenise } from './tokenise.js'

export type EmotionMood = Exclude<Mood, 'neutral'>

export type MoodScores = Record<EmotionMood, number>

interface Hit {
  mood: EmotionMood
  weight: number
}

interface Phrase {
  tokens: string[]
  /** The last token matches as a prefix ("panic attack*" matches "panic attacks"). */
  openEnded: boolean
  hits: Hit[]
}

export const NEGATIVE_MOODS: readonly EmotionMood[] = [
  'depression',
  'sadness',
  'anxiety',
  'fear',
  'anger',
  'disgust',
  'shame',
]

/** Words shorter than this never match a prefix entry, so "wor" is not worry. */
const MIN_PREFIX = 3

/**
 * Words that make an emotion word a self-report ("I feel hopeless", "I'm so angry"), which
 * says more about the speaker than a passing mention does.
 */
const SELF_REPORT = new Set(["i'm", 'am', 'feel', 'feels', 'feeling', 'felt', 'been', 'getting'])

const SELF_REPORT_FACTOR = 1.2

/** A negated positive word ("not happy") counts as this share of sadness. */
const NEGATED_POSITIVE = 0.7

function buildIndex() {
  const words = new Map<string, Hit[]>()
  const prefixes = new Map<string, Hit[]>()
  const phrases = new Map<string, Phrase[]>()

  const add = <K>(map: Map<K, Hit[]>, key: K, hit: Hit) => {
    map.set(key, [...(map.get(key) ?? []), hit])
  }

  for (const [mood, entries] of Object.entries(EMOTION_LEXICON) as [EmotionMood, object][]) {
    for (const [key, weight] of Object.entries(entries) as [string, number][]) {
      const openEnded = key.endsWith('*')
      const tokens = tokenise(openEnded ? key.slice(0, -1) : key)

      if (tokens.length > 1) {
        const list = phrases.get(tokens[0]!) ?? []
        const same = list.find((phrase) => phrase.tokens.join(' ') === tokens.join(' '))

        if (same) {
          same.hits.push({ mood, weight })
        } else {
          list.push({ tokens, openEnded, hits: [{ mood, weight }] })
        }

        phrases.set(tokens[0]!, list)
      } else {
        add(openEnded ? prefixes : words, tokens[0]!, { mood, weight })
      }
    }
  }

  for (const list of phrases.values()) {
    list.sort((a, b) => b.tokens.length - a.tokens.length)
  }

  return { words, prefixes, phrases }
}

const INDEX = buildIndex()

function phraseAt(tokens: string[], position: number): Phrase | undefined {
  return INDEX.phrases.get(tokens[position]!)?.find((phrase) =>
    phrase.tokens.every((token, offset) => {
      const actual = tokens[position + offset]

      if (actual === undefined) {
        return false
      }

      const last = offset === phrase.tokens.length - 1
      return last && phrase.openEnded ? actual.startsWith(token) : actual === token
    }),
  )
}

function wordHits(word: string): Hit[] | undefined {
  const exact = INDEX.words.get(word)

  if (exact) {
    return exact
  }

  for (let length = word.length; length >= MIN_PREFIX; length--) {
    const hits = INDEX.prefixes.get(word.slice(0, length))

    if (hits) {
      return hits
    }
  }

  return undefined
}

function selfReport(tokens: string[], position: number): number {
  for (let index = position - 1; index >= 0 && index >= position - 3; index--) {
    if (SELF_REPORT.has(tokens[index]!)) {
      return SELF_REPORT_FACTOR
    }
  }

  return 1
}

export function emptyScores(): MoodScores {
  return { depression: 0, sadness: 0, anxiety: 0, fear: 0, anger: 0, disgust: 0, shame: 0, joy: 0 }
}

/**
 * The emotional evidence in a text, per mood: each cue's weight, strengthened or softened by
 * the words before it; negated negative cues count for nothing and negated positive ones
 * ("not happy") count as sadness.
 *
 * @example scoreEmotions('I am so worried about my exams').anxiety // about 2
 */
export function scoreEmotions(text: string): MoodScores {
  const tokens = tokenise(text)
  const negated = negatedPositions(tokens)
  const emphasis = emphasisFactor(text)
  const scores = emptyScores()

  let position = 0

  while (position < tokens.length) {
    const token = tokens[position]!

    if (isBreak(token)) {
      position++
      continue
    }

    const phrase = phraseAt(tokens, position)
    const hits = phrase ? phrase.hits : wordHits(token)
    const selfNegating = phrase !== undefined && isNegator(token)
    const isNegated = negated.has(position) && !selfNegating
    const factor = intensityFactor(tokens, position) * emphasis * selfReport(tokens, position)

    for (const hit of hits ?? []) {
      const weight = hit.weight * factor

      if (!isNegated) {
        scores[hit.mood] += weight
      } else if (hit.mood === 'joy') {
        scores.sadness += Math.max(0.3, weight * NEGATED_POSITIVE)
      }
    }

    position += phrase ? phrase.tokens.length : 1
  }

  return scores
}

/** All the evidence, negative and positive. */
export function totalEvidenceOf(scores: MoodScores): number {
  return Object.values(scores).reduce((sum, value) => sum + value, 0)
}

/** The summed evidence of the negative moods. */
export function negativeEvidence(scores: MoodScores): number {
  return NEGATIVE_MOODS.reduce((sum, mood) => sum + scores[mood], 0)
}

/**
 * Evidence turned into a 0..10 intensity that saturates: one plain emotion word is about 5,
 * several strong ones approach 10.
 */
export function intensityOf(evidence: number): number {
  return Math.round(100 * (1 - Math.exp(-evidence / 1.6))) / 10
}

import { sentenceSalience } from './salience.js'
import { splitSentences } from './sentences.js'

/** The longest phrase a reply quotes back, in words. */
const MAX_WORDS = 16

/** Clause openers and fillers that read badly at the start of a quoted phrase. */
const LEADING_FILLER =
  /^(?:(?:and|but|so|well|also|honestly|basically|actually|like|um+|uh+|yeah|yes|no|ok|okay|i mean|i guess|i think that|to be honest)\b[\s,]*)+/i

/** A very long message is searched for its point in its opening sentences only. */
const MAX_SENTENCES = 30

/** Below this a sentence says too little about the client to quote back. */
const MIN_SALIENCE = 0.7

/** Words a cut phrase must not end on: "my boss keeps calling me and". */
const DANGLING =
  /^(?:and|or|but|so|to|the|a|an|of|in|on|at|for|with|that|which|who|is|was|are|were|i|my|your|me|it|this|be|been|have|has|had|do|just|very|really|because|if|when|than|[,;:])$/i

/**
 * The part of a message that carries its point, ready to quote back: the most telling clause
 * of the most telling sentence, without fillers, at most a few words. Null when nothing in it
 * says anything about the client (greetings, "ok").
 *
 * @example keyPhrase('Hi. Well, my girlfriend left me last week and I cannot sleep.')
 * // 'my girlfriend left me last week and I cannot sleep'
 */
export function keyPhrase(text: string): string | null {
  const sentences = splitSentences(text).slice(0, MAX_SENTENCES)
  const statements = sentences.filter((sentence) => !/\?\s*$/.test(sentence))
  const best = mostSalient(statements) ?? mostSalient(sentences)

  if (!best) {
    return null
  }

  const clauses = best
    .split(/\s*(?:[,;:]|\s-\s|\bbecause\b|\bbut\b|\balthough\b)\s*/i)
    .map(tidy)
    .filter((clause) => clause.split(' ').length >= 3)
  const phrase = mostSalient(clauses) ?? tidy(best)
  const phraseWords = phrase.split(' ')

  if (phraseWords.length <= MAX_WORDS) {
    return phrase
  }

  const kept = phraseWords.slice(0, MAX_WORDS)

  while (kept.length > 3 && DANGLING.test(kept.at(-1)!)) {
    kept.pop()
  }

  return kept.join(' ').replace(/[,;:]+$/, '')
}

function mostSalient(candidates: string[]): string | undefined {
  let best: string | undefined
  let bestScore = MIN_SALIENCE

  for (const candidate of candidates) {
    const score = sentenceSalience(candidate)

    if (score > bestScore) {
      best = candidate
      bestScore = score
    }
  }

  return best
}

function tidy(clause: string): string {
  return clause
    .replace(/\s+/g, ' ')
    .trim()
    .replace(LEADING_FILLER, '')
    .replace(/[.!?,;:…\s]+$/u, '')
}

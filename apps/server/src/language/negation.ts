import { isBreak } from './tokenise.js'

const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'nor',
  'neither',
  'without',
  'hardly',
  'barely',
  "ain't",
  "don't",
  "doesn't",
  "didn't",
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
  "can't",
  'cannot',
  "couldn't",
  "won't",
  "wouldn't",
  "shouldn't",
  "haven't",
  "hasn't",
  "hadn't",
])

/**
 * Words that end a negation's reach: "not sad but angry" negates only "sad", and "can't stop
 * crying" is crying all the same.
 */
const SCOPE_ENDS = new Set([
  'but',
  'although',
  'though',
  'yet',
  'however',
  'because',
  'stop',
  'help',
])

/** How many words after a negator it still reaches ("not feeling very happy"). */
const SCOPE = 3

export function isNegator(word: string): boolean {
  return NEGATORS.has(word) || word.endsWith("n't")
}

/**
 * The positions of the tokens a negator reaches: the next few words, up to a clause break or
 * a contrasting conjunction.
 *
 * @example negatedPositions(['not', 'happy', ',', 'sad']) // Set { 1 }
 */
/** "never been this sad", "never felt so alone": a comparison, not a denial. */
function isComparison(tokens: string[], index: number): boolean {
  return (
    tokens[index] === 'never' &&
    ['been', 'felt', 'seen'].includes(tokens[index + 1] ?? '') &&
    ['this', 'so', 'more', 'that'].includes(tokens[index + 2] ?? '')
  )
}

export function negatedPositions(tokens: string[]): Set<number> {
  const negated = new Set<number>()

  for (let index = 0; index < tokens.length; index++) {
    if (!isNegator(tokens[index]!) || isComparison(tokens, index)) {
      continue
    }

    for (let next = index + 1; next <= index + SCOPE && next < tokens.length; next++) {
      const token = tokens[next]!

      if (isBreak(token) || SCOPE_ENDS.has(token)) {
        break
      }

      negated.add(next)
    }
  }

  return negated
}

import { words } from './tokenise.js'

/** Words too common to tell two sentences apart. */
const FILLER = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'but',
  'to',
  'of',
  'in',
  'on',
  'at',
  'is',
  'it',
  'i',
  'my',
  'me',
  'so',
  'that',
  'this',
  'was',
  'am',
  "i'm",
  'be',
  'just',
  'really',
  'very',
])

/** The content words of a text, as a set. */
export function contentWords(text: string): Set<string> {
  return new Set(words(text).filter((word) => !FILLER.has(word)))
}

/**
 * How much two texts share, 0 (nothing) to 1 (the same content words): the Jaccard index of
 * their content words.
 */
export function similarity(a: string, b: string): number {
  const left = contentWords(a)
  const right = contentWords(b)

  if (left.size === 0 && right.size === 0) {
    return a.trim().toLowerCase() === b.trim().toLowerCase() ? 1 : 0
  }

  let shared = 0

  for (const word of left) {
    if (right.has(word)) {
      shared++
    }
  }

  return shared / (left.size + right.size - shared)
}

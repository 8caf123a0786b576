import { normalise, rawTokens, tokenise } from './tokenise.js'

/**
 * Words people disguise when they talk about harm, so a filter or a reader does not notice:
 * "k!ll", "s u i c i d e", "sui cide", "un-alive". Pieces of a message are put back together
 * only when they spell one of these, so ordinary text is never rewritten into something else.
 */
const DISGUISED_WORDS = new Set([
  'kill',
  'kil',
  'killing',
  'kms',
  'suicide',
  'suicidal',
  'unalive',
  'overdose',
  'die',
  'myself',
  'murder',
  'stab',
  'hang',
  'noose',
])

/** Every beginning of a disguised word: a run of pieces that is none of these spells nothing. */
const BEGINNINGS = new Set(
  [...DISGUISED_WORDS].flatMap((word) =>
    Array.from({ length: word.length }, (_, end) => word.slice(0, end + 1)),
  ),
)

/** Characters that stand in for letters. Some are ambiguous: "1" is "i" in k1ll, "l" in ki11. */
const LOOKALIKES: Record<string, string[]> = {
  '0': ['o'],
  '1': ['i', 'l'],
  '3': ['e'],
  '4': ['a'],
  '5': ['s'],
  '7': ['t'],
  '@': ['a'],
  $: ['s'],
  '!': ['i', 'l'],
  '|': ['l', 'i'],
  '+': ['t'],
}

/** Characters that hide a letter without standing for one: "k*ll", "s#icide". */
const MASKS = /[*#]/

/** Joiners between single letters: "k.i.l.l", "s-u-i-c-i-d-e". */
const LETTER_JOINERS = /[.\-_~]/

/** Invisible characters that split a word without showing: zero-width spaces, soft hyphens. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g

/** Past this many ambiguous characters a chunk is not worth decoding: it is not one word. */
const MAX_AMBIGUOUS = 6

/** "kiiiill" and "diiie": stretched letters collapse to one. */
function unstretch(word: string): string {
  return word.replace(/(\p{L})\1{2,}/gu, '$1')
}

/** Every spelling a chunk with look-alike characters could stand for, plainest first. */
function spellings(chunk: string): string[] {
  let options = ['']
  let ambiguous = 0

  for (const char of chunk) {
    const letters = LOOKALIKES[char] ?? [char]
    ambiguous += letters.length > 1 ? 1 : 0

    if (ambiguous > MAX_AMBIGUOUS) {
      return [chunk]
    }

    options = options.flatMap((prefix) => letters.map((letter) => prefix + letter))
  }

  return options
}

/** The disguised word a masked chunk spells, when exactly one fits: "k*ll" is "kill". */
function unmask(chunk: string): string | null {
  if (!/^[\p{L}*#]+$/u.test(chunk)) {
    return null
  }

  const shape = new RegExp(`^${chunk.replace(/[*#]/g, '\\p{L}')}$`, 'u')
  const fits = [...DISGUISED_WORDS].filter((word) => shape.test(word))
  return fits.length === 1 ? fits[0]! : null
}

/** A word as written, perhaps with punctuation around it: nothing to decode. */
const PLAIN_CHUNK = /^[^\p{L}\p{N}*#]*[\p{L}\p{M}']*[^\p{L}\p{N}*#]*$/u

/** One whitespace-separated chunk, with its disguise taken off when it has one. */
function decodeChunk(raw: string): string {
  if (PLAIN_CHUNK.test(raw)) {
    return raw
  }

  // Punctuation around the word stays; only what is inside it is decoded.
  const [, before = '', core = '', after = ''] =
    /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}*#]*)$/u.exec(raw) ?? []

  if (!/\p{L}/u.test(core) || /^[\p{L}\p{M}']+$/u.test(core)) {
    return raw
  }

  const pieces = core.split(LETTER_JOINERS)
  const word = pieces.every((piece) => [...piece].length === 1) ? pieces.join('') : core

  if (MASKS.test(word)) {
    return `${before}${unmask(word) ?? word}${after}`
  }

  const options = spellings(word).map(unstretch)
  const decoded = options.find((option) => DISGUISED_WORDS.has(option)) ?? options[0]!
  return `${before}${decoded}${after}`
}

/** The longest run of tokens from `start` that together spell a disguised word, if any. */
function joinedWordAt(tokens: string[], start: number): [word: string, length: number] | null {
  let joined = tokens[start]!
  let longest: [string, number] | null = null

  for (let end = start + 1; end < tokens.length && BEGINNINGS.has(joined); end++) {
    joined += tokens[end]!

    if (DISGUISED_WORDS.has(joined)) {
      longest = [joined, end - start + 1]
    }
  }

  return longest
}

/** "k i l l", "sui cide", "un alive": pieces that spell a disguised word become that word. */
function rejoin(tokens: string[]): string[] {
  const result: string[] = []

  for (let index = 0; index < tokens.length; index++) {
    const found = joinedWordAt(tokens, index)

    if (found) {
      result.push(found[0])
      index += found[1] - 1
    } else {
      result.push(unstretch(tokens[index]!))
    }
  }

  return result
}

/** A token list as the patterns read it: words joined by single spaces, padded at both ends. */
function flatten(tokens: string[]): string {
  return ` ${tokens.join(' ')} `
}

/**
 * The message as risk patterns read it: once as written (tokenised) and, when it differs, once
 * with disguises taken off, so "k!ll myself", "k i l l myself" and "sui cide" read as plainly
 * as "kill myself". Both are checked, so decoding can only add a reading, never hide one.
 *
 * @example riskReadings('I want to k!ll myself') // [' i want to k ! ll myself ', ' i want to kill myself ']
 */
export function riskReadings(text: string): string[] {
  const plain = flatten(tokenise(text))
  const chunks = normalise(text).replace(INVISIBLE, '').split(/\s+/).filter(Boolean)
  // Pieces are rejoined before shorthand is expanded: the "u" of "s u i c i d e" is a letter.
  const pieces = rawTokens(chunks.map(decodeChunk).join(' '))
  const decoded = flatten(tokenise(rejoin(pieces).join(' ')))
  return decoded === plain ? [plain] : [plain, decoded]
}

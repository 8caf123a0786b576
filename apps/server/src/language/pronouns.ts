/** First person to second and back, as a listener restates what they heard. */
const SWAPS: Record<string, string> = {
  i: 'you',
  me: 'you',
  my: 'your',
  mine: 'yours',
  myself: 'yourself',
  "i'm": "you're",
  "i've": "you've",
  "i'll": "you'll",
  "i'd": "you'd",
  we: 'you',
  us: 'you',
  our: 'your',
  ours: 'yours',
  ourselves: 'yourselves',
  "we're": "you're",
  "we've": "you've",
  "we'll": "you'll",
  your: 'my',
  yours: 'mine',
  yourself: 'myself',
  "you're": "I'm",
  "you've": "I've",
  "you'll": "I'll",
  "you'd": "I'd",
  im: "you're",
  ive: "you've",
}

/** Verbs that follow "I" in a form "you" cannot take. */
const AFTER_I: Record<string, string> = { am: 'are', was: 'were', "wasn't": "weren't" }

/** Words after which "you" is an object ("told you", "with you"), so it becomes "me". */
const OBJECT_CONTEXT = new Set([
  'to',
  'with',
  'for',
  'at',
  'about',
  'from',
  'like',
  'than',
  'tell',
  'told',
  'ask',
  'asked',
  'help',
  'helped',
  'thank',
  'understand',
  'need',
  'trust',
  'see',
  'hear',
  'love',
  'hate',
  'know',
  'give',
  'gave',
])

const PIECES = /([\p{L}\p{M}\p{N}]+(?:['\u2019][\p{L}]+)*)/u

/**
 * Keeps a capital the original had, except the one every "I" carries, which says nothing about
 * where a sentence starts: the caller capitalises the quote it builds.
 */
function matchCase(original: string, replacement: string): string {
  if (replacement === 'I' || replacement.startsWith("I'")) {
    return replacement
  }

  const lower = original.toLowerCase().replace('\u2019', "'")
  const capital = original[0] !== lower[0] && !/^i(?:'|$)/.test(lower)
  return capital ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement
}

/**
 * Turns the client's words into the listener's: "I feel like my boss hates me" becomes "you
 * feel like your boss hates you".
 *
 * @example swapPronouns('I am worried about my exams') // 'you are worried about your exams'
 */
export function swapPronouns(text: string): string {
  const pieces = text.split(PIECES)
  let previousWord = ''

  return pieces
    .map((piece, index) => {
      if (index % 2 === 0) {
        return piece
      }

      const word = piece.toLowerCase().replace('\u2019', "'")
      const previous = previousWord
      previousWord = word

      if (word === 'you') {
        return matchCase(piece, OBJECT_CONTEXT.has(previous) ? 'me' : 'I')
      }

      if (previous === 'i' && AFTER_I[word]) {
        return AFTER_I[word]
      }

      const swapped = SWAPS[word]

      if (swapped) {
        return matchCase(piece, swapped)
      }

      return piece
    })
    .join('')
}

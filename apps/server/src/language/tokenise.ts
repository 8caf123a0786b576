/**
 * Chat shorthand and apostrophe-less spellings mapped to the forms the word lists use, so
 * "im so tired" and "I'm so tired" read the same.
 */
const SPELLINGS: Record<string, string[]> = {
  im: ["i'm"],
  ive: ["i've"],
  dont: ["don't"],
  cant: ["can't"],
  wont: ["won't"],
  didnt: ["didn't"],
  doesnt: ["doesn't"],
  isnt: ["isn't"],
  wasnt: ["wasn't"],
  couldnt: ["couldn't"],
  wouldnt: ["wouldn't"],
  shouldnt: ["shouldn't"],
  havent: ["haven't"],
  hasnt: ["hasn't"],
  arent: ["aren't"],
  thats: ["that's"],
  whats: ["what's"],
  wanna: ['want', 'to'],
  gonna: ['going', 'to'],
  gotta: ['got', 'to'],
  idk: ['i', "don't", 'know'],
  u: ['you'],
  ur: ['your'],
  bf: ['boyfriend'],
  gf: ['girlfriend'],
  bc: ['because'],
  cuz: ['because'],
  coz: ['because'],
  pls: ['please'],
  plz: ['please'],
  thx: ['thanks'],
}

/**
 * Emoticons and emoji carry feeling in chat; they become words the emotion lexicon knows. Longer
 * forms come first so ":-(" is not read as ":-" and "(".
 */
const EMOTICONS: [RegExp, string][] = [
  [
    /:-?\(+|:'\(|\u2639\ufe0f?|\u{1f622}|\u{1f62d}|\u{1f61e}|\u{1f614}|\u{1f494}|\u{1f97a}/gu,
    ' sadface ',
  ],
  [
    /:-?\)+|:-?d\b|\u{1f60a}|\u{1f642}|\u{1f600}|\u{1f604}|\u{1f601}|\u{1f60d}|\u{1f970}|\u2764\ufe0f?|\u2665/gu,
    ' smileface ',
  ],
  [/\u{1f602}|\u{1f923}/gu, ' laughface '],
  [/\u{1f621}|\u{1f620}|\u{1f92c}/gu, ' angryface '],
  [/\u{1f628}|\u{1f631}|\u{1f630}|\u{1f627}/gu, ' fearface '],
  [/\u{1f922}|\u{1f92e}/gu, ' disgustface '],
]

/** Words with an apostrophe, runs of digits, and the punctuation that ends a clause. */
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:'[\p{L}]+)*|[.!?,;:]/gu

/** Marks the end of a clause: negation and intensifiers never reach across one. */
export function isBreak(token: string): boolean {
  return token.length === 1 && '.!?,;:'.includes(token)
}

/** Lower-cases, unifies apostrophes and folds accents of Latin letters away. */
export function normalise(text: string): string {
  let lower = text.toLowerCase()

  for (const [pattern, word] of EMOTICONS) {
    lower = lower.replace(pattern, word)
  }

  return lower
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
}

/** The words and clause punctuation of a normalised text, as written: no shorthand expanded. */
export function rawTokens(normalised: string): string[] {
  return normalised.match(TOKEN) ?? []
}

/**
 * Splits a text into lower-case words and clause punctuation, expanding chat shorthand.
 *
 * @example tokenise("idk, im done!") // ['i', "don't", 'know', ',', "i'm", 'done', '!']
 */
export function tokenise(text: string): string[] {
  const tokens: string[] = []

  for (const token of rawTokens(normalise(text))) {
    tokens.push(...(SPELLINGS[token] ?? [token]))
  }

  return tokens
}

/** The words of a text, without punctuation. */
export function words(text: string): string[] {
  return tokenise(text).filter((token) => !isBreak(token))
}

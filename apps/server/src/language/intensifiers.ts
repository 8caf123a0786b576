import { isBreak } from './tokenise.js'

/** How much a word before an emotion word strengthens (above 1) or softens (below 1) it. */
const MODIFIERS: Record<string, number> = {
  very: 1.5,
  really: 1.4,
  so: 1.4,
  too: 1.3,
  such: 1.3,
  quite: 1.2,
  pretty: 1.15,
  extremely: 1.8,
  incredibly: 1.8,
  terribly: 1.7,
  awfully: 1.6,
  deeply: 1.6,
  totally: 1.5,
  completely: 1.5,
  absolutely: 1.6,
  utterly: 1.7,
  super: 1.4,
  truly: 1.4,
  constantly: 1.4,
  always: 1.2,
  more: 1.2,
  most: 1.3,
  bit: 0.6,
  little: 0.6,
  slightly: 0.5,
  somewhat: 0.7,
  mildly: 0.5,
  kinda: 0.7,
  kind: 0.7,
  sort: 0.7,
  fairly: 0.8,
  less: 0.7,
}

/** How far back a modifier may stand: "so very sad", "a little bit anxious". */
const REACH = 3

export function modifierOf(word: string): number | undefined {
  return MODIFIERS[word]
}

/**
 * The combined strength of the modifiers just before `position`, clamped to 0.3..2.5 so a
 * string of "very very very" cannot run away.
 */
export function intensityFactor(tokens: string[], position: number): number {
  let factor = 1

  for (let index = position - 1; index >= 0 && index >= position - REACH; index--) {
    const token = tokens[index]!

    if (isBreak(token)) {
      break
    }

    factor *= MODIFIERS[token] ?? 1
  }

  return Math.min(2.5, Math.max(0.3, factor))
}

/** Exclamation marks raise the felt intensity of the whole message a little. */
export function emphasisFactor(text: string): number {
  const marks = text.match(/!/g)?.length ?? 0
  return 1 + 0.1 * Math.min(3, marks)
}

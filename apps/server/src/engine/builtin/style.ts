import type { PersonaFile } from '@smartsteps/contracts'

import type { Band, Template } from './phrasebook.js'

export type Style = PersonaFile['communication_style']

/** Where a style value sits: 0.6 and above is high, below 0.4 low, between suits both. */
export function bandOf(value: number): Band | 'middle' {
  if (value >= 0.6) {
    return 'high'
  }

  return value < 0.4 ? 'low' : 'middle'
}

/** Whether a template fits the persona: every band it names must be the persona's band. */
export function suits(template: Template, style: Style): boolean {
  return (['formality', 'directiveness', 'warmth'] as const).every(
    (key) => template[key] === undefined || template[key] === bandOf(style[key]),
  )
}

/** Full forms and their contractions, applied in this order. */
const CONTRACTIONS: [RegExp, string][] = [
  [/\bI am\b/g, "I'm"],
  [/\bI would\b/g, "I'd"],
  [/\bI will\b/g, "I'll"],
  [/\b([Yy]ou) are\b/g, "$1're"],
  [/\b([Yy]ou) would\b/g, "$1'd"],
  [/\b([Yy]ou) will\b/g, "$1'll"],
  [/\b([Ii]t|[Tt]hat|[Ww]hat|[Tt]here) is\b/g, "$1's"],
  [/\b([Dd]o|[Dd]oes|[Dd]id|[Ii]s|[Aa]re) not\b/g, "$1n't"],
  [/\b([Cc])annot\b/g, "$1an't"],
  [/\b([Ww])ill not\b/g, "$1on't"],
  [/\b([Ll])et us\b/g, "$1et's"],
  [/\bI have (got|understood)\b/g, "I've $1"],
]

/** Casual wording: "you are" becomes "you're". */
export function contract(text: string): string {
  return CONTRACTIONS.reduce((result, [pattern, short]) => result.replace(pattern, short), text)
}

const EXPANSIONS: [RegExp, string][] = [
  [/\bi'm\b/g, 'i am'],
  [/\bi'd\b/g, 'i would'],
  [/\bi'll\b/g, 'i will'],
  [/\bi've\b/g, 'i have'],
  [/\byou're\b/g, 'you are'],
  [/\byou'd\b/g, 'you would'],
  [/\byou'll\b/g, 'you will'],
  [/\byou've\b/g, 'you have'],
  [/\b(it|that|what|there)'s\b/g, '$1 is'],
  [/\bcan't\b/g, 'cannot'],
  [/\bwon't\b/g, 'will not'],
  [/\b(do|does|did|is|are)n't\b/g, '$1 not'],
  [/\blet's\b/g, 'let us'],
]

/** Lower-case full forms, so a casual and a formal rendering of a template compare equal. */
export function expand(text: string): string {
  return EXPANSIONS.reduce(
    (result, [pattern, long]) => result.replace(pattern, long),
    text.toLowerCase().replace(/\u2019/g, "'"),
  )
}

/** Fills a template's slots; null when a slot it needs has no text. */
export function fill(text: string, slots: object): string | null {
  let missing = false
  const filled = text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value: unknown = (slots as Record<string, unknown>)[name]

    if (typeof value !== 'string' || value === '') {
      missing = true
      return ''
    }

    return value
  })

  return missing ? null : filled
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

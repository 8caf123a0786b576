import type { RiskCategory } from '@smartsteps/contracts'

import { HARM_TO_OTHERS_PATTERNS } from './risk-harm-to-others.js'
import { INDIRECT_SELF_HARM_PATTERNS } from './risk-indirect.js'
import { OTHER_LANGUAGE_PATTERNS } from './risk-other-languages.js'
import type { RiskPattern } from './risk-pattern.js'
import { SELF_HARM_PATTERNS } from './risk-self-harm.js'
import { riskReadings } from './risk-text.js'

/** Every pattern, global, so every occurrence is checked: a negated one may precede a real one. */
const PATTERNS: RiskPattern[] = [
  ...SELF_HARM_PATTERNS,
  ...INDIRECT_SELF_HARM_PATTERNS,
  ...HARM_TO_OTHERS_PATTERNS,
  ...OTHER_LANGUAGE_PATTERNS,
].map((risk) => ({ ...risk, pattern: new RegExp(risk.pattern.source, 'g') }))

/** "never", "not", "don't"... right before the match, or with one adverb or "been" between. */
const NEGATED_BEFORE =
  /(?:\bnever|\bnot|n't|\bno longer|\bwould never)(?: (?:really|ever|actually|even|been|felt|feeling))? $/

/** The match already says "not" itself ("I don't want to be here"), so it cannot be negated. */
const SAYS_NOT =
  /^(?:don't|do not|didn't|doesn't|no|nothing|never|not|won't|will not|can't|cannot)\b/

function counts(risk: RiskPattern, match: RegExpExecArray, reading: string): boolean {
  const before = reading.slice(0, match.index)
  const after = reading.slice(match.index + match[0].length)

  return (
    (SAYS_NOT.test(match[0]) || !NEGATED_BEFORE.test(before)) &&
    !risk.unlessPrecededBy?.test(before) &&
    !risk.unlessFollowedBy?.test(after) &&
    !risk.unlessSaid?.test(reading)
  )
}

function signals(risk: RiskPattern, reading: string): boolean {
  // The companion cue is rarer and cheaper to find than most patterns: look for it first.
  if (risk.alongside && !risk.alongside.test(reading)) {
    return false
  }

  // exec over the shared global pattern, not matchAll, which copies the pattern on every call.
  risk.pattern.lastIndex = 0

  for (let match = risk.pattern.exec(reading); match; match = risk.pattern.exec(reading)) {
    if (counts(risk, match, reading)) {
      return true
    }

    risk.pattern.lastIndex = Math.max(risk.pattern.lastIndex, match.index + 1)
  }

  return false
}

/**
 * The risk categories a message signals, if any: self-harm or suicide, and harm to others,
 * said plainly, indirectly ("everyone would be better off without me"), as preparation ("I
 * have been stockpiling my pills"), disguised ("k!ll myself", "sui cide") or in a few common
 * phrases of other languages ("quiero morir"). Negated mentions, accidents and figures of
 * speech ("this exam is killing me") are not risk.
 *
 * @example detectRisk("I don't want to be here anymore") // ['self_harm']
 * @example detectRisk('this traffic is killing me') // []
 */
export function detectRisk(text: string): RiskCategory[] {
  const readings = riskReadings(text)
  const found = new Set<RiskCategory>()

  for (const risk of PATTERNS) {
    if (!found.has(risk.category) && readings.some((reading) => signals(risk, reading))) {
      found.add(risk.category)
    }
  }

  return [...found].sort()
}

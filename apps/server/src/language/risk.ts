import type { RiskCategory } from '@smartsteps/contracts'

import { tokenise } from './tokenise.js'

interface RiskPattern {
  category: RiskCategory
  pattern: RegExp
}

/** What someone may say before acting: "I want to", "I'm going to", "thinking of". */
const INTENT =
  "(?:want to|wanted to|going to|about to|will|i'll|could|might|should|feel like|felt like|thinking of|thinking about|think about|plan to|planning to|planned to|urge to|tempted to|ready to|swear i'll|need to|keep|kept|started|been)"

const PEOPLE =
  '(?:him|her|them|someone|somebody|anyone|anybody|everyone|everybody|people|you|(?:my|the|his|her|their|that|this|our) (?:boss|wife|husband|partner|ex|boyfriend|girlfriend|mom|mum|mother|dad|father|brother|sister|son|daughter|kids|child|baby|neighbou?r|friend|roommate|teacher|coworker|colleague|manager|guy|man|woman|girl|boy|family|parents))'

const VIOLENCE =
  '(?:kill|murder|hurt|harm|stab|shoot|strangle|choke|beat|punch|attack|poison|run over|killing|murdering|hurting|harming|stabbing|shooting|strangling|choking|beating|punching|attacking|poisoning)'

/**
 * Plain and indirect ways of saying it, matched against the tokenised text (lower-case words
 * joined by single spaces). Figures of speech name no person and no self ("this traffic is
 * killing me", "I could kill for a coffee"), so they stay unmatched.
 */
const PATTERNS: RiskPattern[] = [
  { category: 'self_harm', pattern: /\b(?:kill|killing|killed) (?:my ?self|me self)\b/ },
  { category: 'self_harm', pattern: /\bkms\b/ },
  { category: 'self_harm', pattern: /\b(?:end|ending|ended|take|taking) my (?:own )?life\b/ },
  { category: 'self_harm', pattern: /\bsuicid(?:e|al)\b/ },
  { category: 'self_harm', pattern: /\b(?:end|ending) (?:it all|everything)\b/ },
  { category: 'self_harm', pattern: /\bwant(?:ed)? to (?:die|be dead|disappear forever)\b/ },
  {
    category: 'self_harm',
    pattern: /\bwish (?:i|i'd) (?:was|were|had) (?:dead|never been born)\b/,
  },
  { category: 'self_harm', pattern: /\bwish i (?:was|were) never born\b/ },
  { category: 'self_harm', pattern: /\b(?:better off|rather be) dead\b/ },
  { category: 'self_harm', pattern: /\b(?:better off|easier) without me\b/ },
  {
    category: 'self_harm',
    pattern:
      /\b(?:don't|do not|didn't|no longer) want to (?:be here|be alive|live|exist|wake up|go on|be around)\b/,
  },
  {
    category: 'self_harm',
    pattern: /\bno (?:reason|point) (?:to|in) (?:live|living|going on|be alive)\b/,
  },
  { category: 'self_harm', pattern: /\bnothing (?:left )?to live for\b/ },
  { category: 'self_harm', pattern: /\bcan't go on (?:living|like this|anymore)\b/ },
  { category: 'self_harm', pattern: /\b(?:never|not) wake up again\b/ },
  { category: 'self_harm', pattern: /\blook(?:ing)? forward to (?:dying|death|being dead)\b/ },
  {
    category: 'self_harm',
    pattern: /\b(?:won't|will not) be (?:here|around) (?:much longer|anymore)\b/,
  },
  { category: 'self_harm', pattern: /\b(?:overdose|od) on\b|\boverdos(?:e|ing)\b/ },
  { category: 'self_harm', pattern: /\bhang (?:my ?self)\b/ },
  {
    category: 'self_harm',
    pattern: /\bjump (?:off|from) (?:a|the) (?:bridge|roof|building|cliff)\b/,
  },
  { category: 'self_harm', pattern: /\bi should (?:just )?die\b/ },
  { category: 'self_harm', pattern: /\bself harm(?:ing)?\b/ },
  { category: 'self_harm', pattern: /\b(?:cut|cutting|burn|burning|harm|harming) my ?self\b/ },
  { category: 'self_harm', pattern: new RegExp(`\\b${INTENT} (?:hurt|hurting) my ?self\\b`) },
  {
    category: 'harm_to_others',
    pattern: new RegExp(`\\b${INTENT} (?:to )?${VIOLENCE} ${PEOPLE}\\b`),
  },
  { category: 'harm_to_others', pattern: /\bwant (?:him|her|them|you) dead\b/ },
  { category: 'harm_to_others', pattern: /\bwish (?:he|she|they) (?:was|were) dead\b/ },
  { category: 'harm_to_others', pattern: /\b(?:bring|take) a (?:gun|knife|weapon) to\b/ },
  { category: 'harm_to_others', pattern: /\bshoot up (?:the|my|a) \w+\b/ },
]

/** The same, global, so every occurrence is checked: a negated one may precede a real one. */
const GLOBAL_PATTERNS = PATTERNS.map((risk) => ({
  ...risk,
  pattern: new RegExp(risk.pattern.source, 'g'),
}))

/** "never", "not", "don't"... right before the match, or with one adverb between. */
const NEGATED_BEFORE =
  /(?:\bnever|\bnot|n't|\bno longer|\bwould never)(?: (?:really|ever|actually|even))? $/

/** A self-harm cue that is plainly an accident ("cut myself shaving") is not a risk. */
const ACCIDENT = /\b(?:accident|accidentally|by mistake|shaving|cooking|chopping)\b/

/** The match already says "not" itself ("I don't want to be here"), so it cannot be negated. */
const SAYS_NOT = /^(?:don't|do not|didn't|no|nothing|never|not|won't|will not|can't)\b/

function isRisk({ category }: RiskPattern, match: RegExpExecArray, flat: string): boolean {
  if (!SAYS_NOT.test(match[0]) && NEGATED_BEFORE.test(flat.slice(0, match.index))) {
    return false
  }

  return !(category === 'self_harm' && /cut|burn/.test(match[0]) && ACCIDENT.test(flat))
}

/**
 * The risk categories a message signals, if any.
 *
 * @example detectRisk("I don't want to be here anymore") // ['self_harm']
 * @example detectRisk('this traffic is killing me') // []
 */
export function detectRisk(text: string): RiskCategory[] {
  const flat = ` ${tokenise(text).join(' ')} `
  const found = new Set<RiskCategory>()

  for (const risk of GLOBAL_PATTERNS) {
    if (found.has(risk.category)) {
      continue
    }

    for (const match of flat.matchAll(risk.pattern)) {
      if (isRisk(risk, match as RegExpExecArray, flat)) {
        found.add(risk.category)
        break
      }
    }
  }

  return [...found].sort()
}

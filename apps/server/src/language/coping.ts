import { tokenise } from './tokenise.js'

/**
 * Plans and attempts: "I'll try", "I'm going to call her", "I went for a walk", "breathing
 * helps". Matched against the tokenised text (lower-case words joined by single spaces).
 */
const COPING = [
  /\bi(?:'ll| will| am going to|'m going to| plan to| want to try| decided to| could try| can try| should try| might try| need to start| promise to)\b ([\w' ]+)/g,
  /\bi (?:tried|started|managed|went|talked|reached out|called|wrote|practiced|practised|exercised|meditated|journaled|walked|ran|booked|signed up|asked|joined|apologi[sz]ed|made a plan|set a goal)\b/g,
  /\bi(?:'ve| have) been (?:trying|working on|exercising|walking|running|journaling|meditating|going|practicing|practising|reaching out|talking|sleeping better|eating better|reading)\b/g,
  /\bi'm (?:trying|working on|learning|taking steps|getting help|seeing a)\b/g,
  /\b(?:that|it|this|breathing|walking|talking|writing|exercise|music)\b(?: \w+){0,3} (?:helps|helped|is helping|has helped)\b/g,
  /\b(?:my plan is|next time i|one step at a time|i can handle|i can do this|i got this|i'll give it a (?:try|go|shot))\b/g,
]

/** What follows "I'm going to" when it is a fear, not a plan: "going to be fired". */
const NOT_A_PLAN =
  /^(?:be|lose|fail|die|kill|hurt|harm|never|not|cry|end|explode|break down|get (?:fired|sacked|dumped|hurt|worse|kicked)|have (?:to|a breakdown|a panic)|go (?:crazy|insane|mad))\b/

/** "nothing helps" says the opposite; "how I will pay" and "if I try" are doubts, not plans. */
const NEGATED =
  /\b(?:not|never|n't|nothing|no longer|how|whether|if|what if|when|why|afraid|scared|worried|fear|doubt) $/

/**
 * Whether a client message states coping, planning or trying something.
 *
 * @example isCopingStatement('I will try the breathing exercise tonight') // true
 * @example isCopingStatement("I'm going to be fired") // false
 */
export function isCopingStatement(text: string): boolean {
  const flat = ` ${tokenise(text).join(' ')} `

  for (const pattern of COPING) {
    for (const match of flat.matchAll(pattern)) {
      const next = match[1]
      const before = flat.slice(0, match.index)

      if ((next === undefined || !NOT_A_PLAN.test(next)) && !NEGATED.test(before)) {
        return true
      }
    }
  }

  return false
}

import { type RiskPattern } from './risk-pattern.js'

function selfHarm(pattern: RegExp, exceptions: Omit<RiskPattern, 'category' | 'pattern'> = {}) {
  return { category: 'self_harm', pattern, ...exceptions } satisfies RiskPattern
}

/**
 * The wish to disappear ends there, or goes on to say it is for good. "Disappear into a good
 * book" or "for the weekend" is a wish for a break, so a wish followed by anything else is not
 * read as risk.
 */
const DISAPPEARS_FOR_GOOD =
  '(?= [.!?,;:]| $| (?:and|but|because|so|sometimes|forever|for good|permanently|completely|altogether|from (?:this|the) (?:world|earth|planet)|off the face)\\b)'

/** Perceived burdensomeness is the speaker's own: "I am a burden", "I feel like a burden". */
const SPEAKER_IS =
  "(?:i am|i'm|i feel like|i feel|i just feel|i've become|i have become|i've always been|i have always been|i'm always|i am always|i'm becoming|i am becoming|i'm nothing but|i am nothing but|(?:see|sees|treat|treats|think of) me (?:as|like))"

/**
 * Indirect signs a clinician would ask about: wishing to disappear or not to exist, and feeling
 * a burden to others, a recognised warning sign. Wishes for a break ("disappear into a good
 * book") and burdens that are not the speaker ("the mortgage is a burden") are not matched.
 */
export const INDIRECT_SELF_HARM_PATTERNS: RiskPattern[] = [
  selfHarm(
    new RegExp(
      `\\b(?:want|wanted|wanting|wants|wanna|wish i could|wish i could just|i'd like to|i would like to|need to|just want) (?:to )?(?:just )?(?:disappear|vanish)${DISAPPEARS_FOR_GOOD}`,
    ),
  ),
  selfHarm(/\b(?:disappear|vanish) and never (?:come back|be seen again|return)\b/),
  selfHarm(
    /\b(?:rather|prefer to|like to|want to|wish i could|wish i could just|just) not (?:exist|be alive|be born)\b|\b(?:rather|prefer to) (?:stop existing|never have been born|have never been born)\b/,
    // "Exist on takeaway food": living off something, not a wish to be gone.
    { unlessFollowedBy: /^ (?:on|off|solely|purely|mainly|only on)\b/ },
  ),
  selfHarm(/\bwish i (?:didn't|did not|wouldn't|could stop|could just stop) exist(?:ing)?\b/),
  selfHarm(
    new RegExp(
      `\\b${SPEAKER_IS} (?:such |just |only |a |an |another |such a |just a |only a |one big |a big |a huge |a massive |a real |a total |a complete |a financial |a constant )?burden\\b`,
    ),
  ),
]

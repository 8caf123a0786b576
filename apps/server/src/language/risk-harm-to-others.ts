import { INTENT, PEOPLE, type RiskPattern } from './risk-pattern.js'

function harmToOthers(
  pattern: RegExp,
  exceptions: Omit<RiskPattern, 'category' | 'pattern'> = {},
): RiskPattern {
  return { category: 'harm_to_others', pattern, ...exceptions }
}

const VIOLENCE =
  '(?:kill|murder|hurt|harm|stab|shoot|strangle|choke|beat|punch|attack|poison|run over|unalive|batter|bash|killing|murdering|hurting|harming|stabbing|shooting|strangling|choking|beating|punching|attacking|poisoning|unaliving|battering|bashing)'

/**
 * Someone else's intent is not the client's threat: "it will hurt you", "he is going to kill
 * her". Tested on the words before an intent, so the matches whose subject is plainly another
 * person or thing are skipped.
 */
const SOMEONE_ELSE =
  /\b(?:it|that|this|which|what|he|she|they|you|who|it's|that's|he's|she's|they're|you're|he'll|she'll|they'll|you'll|it'll)(?: (?:is|are|was|were|will|would|might|could|really|just|probably))? $/

/** "I might snap and hurt someone": losing control said between the intent and the act. */
const LOSING_CONTROL = '(?:(?:snap|lose it|lose control|flip|lash out) and )?'

/** Blows whose words also mean something harmless when "up" or "out" follows: "hit him up". */
const BLOWS = '(?:hit|slap|kick|smash|hitting|slapping|kicking|smashing)'

/**
 * The same verbs in everyday senses: games won ("beat my brother at chess"), messages sent
 * ("shoot her a text"), feelings spared ("hurt her feelings").
 */
const NOT_VIOLENCE =
  /^ \d|^ (?:'s )?(?:feelings|feeling|chances|pride|ego|reputation|career|business|image|case)\b|^ (?:at|in) (?:chess|cards|poker|tennis|football|soccer|golf|pool|darts|scrabble|monopoly|games?|a game|the game|a race|the race|a match|the match|arm wrestling|trivia|a quiz|the quiz|fortnite|fifa|mario kart|it|everything|anything|an argument|the argument)\b|^ (?:a|an) (?:text|message|email|line|note|look|smile|question|glance|call|dm|photo|picture|video)\b|^ (?:to it|to the punch)\b/

/** A weapon to hand: "I have a knife", "the gun is loaded". */
const WEAPON =
  /\b(?:have|has|got|bought|buy|buying|get|getting|carry|carrying|keep|kept|sharpen\w*|load\w*|hid|hidden|hiding|grab\w*|bring|brought|took|take|taking) (?:a |my |the |his |her |dad's |mum's |mom's |some )?(?:knife|knives|gun|guns|pistol|rifle|shotgun|weapon|weapons|blade|machete|axe|crowbar)\b|\b(?:knife|gun|pistol|rifle|shotgun|weapon|machete|axe) (?:is )?(?:ready|loaded|with me|on me|in my (?:bag|pocket|car))\b/

/**
 * Threats to other people. Hyperbole aimed at a person ("I could kill him") is flagged on
 * purpose, because a facilitator reviews every flag and a real threat must not be missed.
 */
export const HARM_TO_OTHERS_PATTERNS: RiskPattern[] = [
  harmToOthers(new RegExp(`\\b${INTENT} ${LOSING_CONTROL}(?:to )?${VIOLENCE} ${PEOPLE}\\b`), {
    unlessFollowedBy: NOT_VIOLENCE,
    unlessPrecededBy: SOMEONE_ELSE,
  }),
  harmToOthers(
    new RegExp(`\\b${INTENT} (?:to )?(?:beat|beating|bash|bashing) (?:${PEOPLE} )?up\\b`),
    { unlessPrecededBy: SOMEONE_ELSE },
  ),
  harmToOthers(new RegExp(`\\b${INTENT} (?:to )?${BLOWS} ${PEOPLE}\\b`), {
    unlessFollowedBy:
      /^ (?:up|out|back with|with (?:a|the) (?:question|text|message|fact|truth|news))\b/,
    unlessPrecededBy: SOMEONE_ELSE,
  }),
  harmToOthers(new RegExp(`\\bwant ${PEOPLE} dead\\b`)),
  harmToOthers(/\bwish (?:he|she|they|my \w+) (?:was|were) dead\b/),
  harmToOthers(new RegExp(`\\bmake ${PEOPLE} bleed\\b`)),
  harmToOthers(
    /\b(?:bring|take|bringing|taking|took|brought|carry|carrying) (?:a|my|the|his|her|their|our)(?: (?:dad's|mum's|mom's|father's|mother's|brother's|uncle's))? (?:gun|knife|weapon|blade|machete|axe|pistol|rifle|shotgun) (?:to|into|round to|over to|with me to)\b/,
    { unlessFollowedBy: /^ (?:a )?(?:gunfight|knife fight)\b/ },
  ),
  harmToOthers(/\bshoot up (?:the|my|a|our|that|this) (?!heroin|drugs|dope|gear|stuff)\w+\b/),

  // Revenge beside a weapon: "I'll make her pay, I have a knife".
  harmToOthers(
    new RegExp(
      `\\b(?:make|making) ${PEOPLE} (?:pay|suffer|regret)\\b|\\b(?:get|getting) (?:back at|even with|revenge on) ${PEOPLE}\\b|\\b(?:teach|show) ${PEOPLE} a lesson\\b|\\b(?:he|she|they)(?:'ll| will| is going to| are going to|'s going to|'re going to) (?:pay|regret it|be sorry)\\b|\\bknow where (?:he|she|they) lives?\\b`,
    ),
    { alongside: WEAPON },
  ),
]

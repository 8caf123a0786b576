import { candidates } from './candidates.js'
import { finish } from './compose.js'
import type { Conversation } from './conversation.js'
import { IDENTITY_ANSWER, SOCIAL_FOLLOW_UPS } from './phrasebook.js'
import type { Slots } from './slots.js'
import { fill } from './style.js'

/** What the client may take the persona for: a person, a clinician, or a machine. */
const KINDS =
  '(?:human|bot|robot|ai|a\\.i\\.?|machine|computer|program|programme|person|doctor|dr|therapist|psychologist|psychiatrist|counsell?or|clinician|professional|nurse|chat ?bot)'

/** What the client may ask the persona to be: "are you real", "are you even alive". */
const QUALITIES = '(?:real|alive|sentient|artificial)'

const IDENTITY_QUESTIONS = [
  // "are you a real doctor?", "r u a bot", "are you even human", "are you real"
  new RegExp(
    `\\b(?:are|r) (?:you|u)(?: (?:a|an|actually|really|even|just|only|some|some kind of|like|a real|an actual))* (?:${KINDS}|${QUALITIES})\\b`,
    'i',
  ),
  // "am I talking to a bot?", "is this a real person I'm chatting with"
  new RegExp(
    `\\b(?:am i|i am|i'm|are we|is this) (?:talking|speaking|chatting|writing|texting) (?:to|with)(?: (?:a|an|some|real|actual|a real|an actual))* ${KINDS}\\b`,
    'i',
  ),
  new RegExp(
    `\\b(?:is|was) (?:this|that|it) (?:really |actually )?(?:a|an) (?:real |actual )?${KINDS}\\b`,
    'i',
  ),
  /\bwho am i (?:talking|speaking|chatting|writing) (?:to|with)\b|\bwho (?:are|r) (?:you|u)\b/i,
  /\bwhat (?:exactly |even |really )?(?:are|r) (?:you|u)\s*[?!.]*\s*$/i,
  /\b(?:is there|are there) (?:a |any )?(?:real )?(?:human|person|people|someone|somebody) (?:there|reading|behind|on the other)\b/i,
]

/**
 * Whether the client asks what the persona is: a person, a clinician, a machine.
 *
 * @example asksWhatThePersonaIs('Are you a real doctor?') // true
 * @example asksWhatThePersonaIs('are you there?') // false
 */
export function asksWhatThePersonaIs(text: string): boolean {
  return IDENTITY_QUESTIONS.some((question) => question.test(text))
}

/**
 * The honest answer to "are you real": the persona is an AI, not a person and not a clinician,
 * whatever its name or title suggests, and the facilitator is the human in charge. The same
 * facts for every persona and every time it is asked; only the invitation after it varies.
 */
export function composeIdentity(conversation: Conversation, slots: Slots): string {
  const answer = IDENTITY_ANSWER.map((line) => fill(line, slots)!)
  const invitation = candidates(SOCIAL_FOLLOW_UPS, conversation, slots, 'identity-follow')[0]!
  return finish([...answer, invitation], conversation)
}

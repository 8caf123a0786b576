import type { RiskCategory } from '@smartsteps/contracts'

/** The sentence every safety reply contains, so it can be recognised later. */
export const SAFETY_SIGNATURE = 'I have flagged this conversation for your facilitator'

/** Each acknowledges what was said and says plainly that the persona is concerned. */
const OPENINGS = [
  'Thank you for telling me. I am concerned about what you have shared, and I take it seriously.',
  'I am really glad you said this, and I am worried about what you are going through right now.',
  'What you have told me matters, and I am concerned for you. Thank you for being honest with me.',
]

const SELF_HARM =
  'If you might act on these thoughts, or you are in danger right now, please call your local emergency number or go to the nearest emergency department. You can also reach a crisis line in your area at any time of day or night.'

const OTHERS =
  'If you feel you might hurt someone, please step away from the situation now, and call your local emergency number if anyone is in danger. A crisis line in your area can also talk this through with you straight away.'

/**
 * The persona cannot send help and the facilitator may read the flag only later, so the client
 * must not wait for either of them in an emergency.
 */
const WHO_KNOWS = `I am an AI and cannot send help myself. ${SAFETY_SIGNATURE}, but they may not see it straight away, so please do not wait for them.`

const TELL_SOMEONE =
  'Please tell someone you trust what is happening, such as a friend or a family member, and tell your facilitator too.'

const CLOSINGS = [
  'Is there someone who could be with you right now?',
  'Are you somewhere safe at the moment?',
]

/**
 * The reply to a message that signals risk: it acknowledges what was said, says the persona is
 * concerned, points to urgent help (emergency services and a crisis line, with no invented
 * numbers), is honest that an AI cannot send help and that the facilitator's flag may be read
 * late, and encourages telling a trusted person and the facilitator. It never praises or
 * restates what was said, and keeps the same content for every persona, because in a crisis
 * clarity matters more than style.
 */
export function safetyReply(risk: RiskCategory[], variant: number): string {
  const parts = [
    OPENINGS[variant % OPENINGS.length]!,
    risk.includes('self_harm') ? SELF_HARM : null,
    risk.includes('harm_to_others') ? OTHERS : null,
    WHO_KNOWS,
    TELL_SOMEONE,
    CLOSINGS[variant % CLOSINGS.length]!,
  ]

  return parts.filter((part) => part !== null).join(' ')
}

import type { RiskCategory } from '@smartsteps/contracts'

/** The sentence every safety reply contains, so it can be recognised later. */
export const SAFETY_SIGNATURE = 'I have let your facilitator know'

const OPENINGS = [
  'I am really glad you told me this, and I take it seriously.',
  'Thank you for telling me. What you have said matters, and your safety comes first.',
  'I am concerned about what you have just shared, and I am glad you said it.',
]

const SELF_HARM =
  'If you might act on these thoughts, or you are in danger right now, please call your local emergency number or go to the nearest emergency department. You can also reach a crisis line in your area at any time of day or night.'

const OTHERS =
  'If you feel you might hurt someone, please step away from the situation now, and call your local emergency number if anyone is in danger. A crisis line in your area can also talk this through with you straight away.'

const CLOSINGS = [
  'Is there someone you trust who could be with you right now?',
  'Are you somewhere safe at the moment?',
]

/**
 * The reply to a message that signals risk: it points to urgent help (emergency services and a
 * crisis line, with no invented numbers) and says the facilitator has been alerted. It keeps
 * the same content for every persona, because in a crisis clarity matters more than style.
 */
export function safetyReply(risk: RiskCategory[], variant: number): string {
  const parts = [
    OPENINGS[variant % OPENINGS.length]!,
    risk.includes('self_harm') ? SELF_HARM : null,
    risk.includes('harm_to_others') ? OTHERS : null,
    `${SAFETY_SIGNATURE} so that a person can follow up with you.`,
    CLOSINGS[variant % CLOSINGS.length]!,
  ]

  return parts.filter((part) => part !== null).join(' ')
}

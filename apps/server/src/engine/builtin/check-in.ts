import { DESPAIR_SIGNATURE, FOLLOW_UP_SIGNATURE } from './check-in-signatures.js'
import { finish } from './compose.js'
import type { Conversation } from './conversation.js'
import { pick } from './seed.js'

const ACKNOWLEDGEMENTS = [
  'Thank you for telling me that.',
  'Thank you for staying and talking with me.',
  'I am glad you are still here talking with me.',
]

const SAFETY_CHECKS = [
  'Do you feel safe right now? And is there someone you could be with, or talk to, today?',
  'Is there someone you could reach out to or be with today? And do you feel safe at the moment?',
]

const STILL_THERE =
  'If those thoughts come back or get stronger, please call your local emergency number or a crisis line straight away, and let your facilitator know too.'

/**
 * The reply after a safety reply, whatever the client said next (unless it signals risk again,
 * which gets the safety reply). What was said a moment ago still matters more than any goal or
 * exercise, so the persona stays with the person: it acknowledges them, checks whether they are
 * safe and who could be with them, and says again where urgent help is. No homework, no goals,
 * no quoting back.
 */
export function composeSafetyFollowUp(conversation: Conversation): string {
  const { seed } = conversation
  return finish(
    [
      pick(ACKNOWLEDGEMENTS, seed, 'follow-up-ack')!,
      `What you shared earlier matters, so ${FOLLOW_UP_SIGNATURE}.`,
      pick(SAFETY_CHECKS, seed, 'follow-up-check')!,
      STILL_THERE,
    ],
    conversation,
  )
}

/**
 * The reply to "I can't do this anymore" and the like, which may or may not mean suicide:
 * asking plainly is what a clinician would do, and asking does not put the idea in anyone's
 * head. The client's words are not said back, and no exercise is offered before the answer.
 */
export function composeDespairCheck(conversation: Conversation): string {
  return finish(
    [
      'It sounds like you have reached the end of what you can carry right now, and I am glad you told me.',
      `${DESPAIR_SIGNATURE}, because it matters: are you having thoughts of ending your life or harming yourself?`,
      'Whatever the answer, you can tell me, and we can take this one step at a time.',
    ],
    conversation,
  )
}

import { candidates } from './candidates.js'
import { finish } from './compose.js'
import type { Conversation } from './conversation.js'
import { GREETINGS, SOCIAL_ANSWERS, SOCIAL_FOLLOW_UPS, type Template } from './phrasebook.js'
import { hash } from './seed.js'
import type { Slots } from './slots.js'
import { fill } from './style.js'

/** The first reply of a session to a plain greeting: the persona introduces itself. */
export function composeGreeting(conversation: Conversation, slots: Slots): string {
  const line =
    candidates(GREETINGS, conversation, slots, 'greeting')[0] ?? `Hello, I am ${slots.name}.`
  return finish([line], conversation)
}

/** Asked its name, the persona gives it with what it is: an AI persona. */
const NAME_QUESTION = /\bname\b/i

/**
 * The answer to a courtesy ("how are you") or a question about the persona's name, with an
 * invitation to go on. Questions about what the persona is get `composeIdentity` instead.
 */
export function composeSocial(conversation: Conversation, slots: Slots): string {
  const [courtesy, named] = SOCIAL_ANSWERS as [Template, Template]
  const answer = fill((NAME_QUESTION.test(conversation.text) ? named : courtesy).text, slots)!
  const invitation = candidates(SOCIAL_FOLLOW_UPS, conversation, slots, 'social-follow')[0]!
  return finish([answer, invitation], conversation)
}

/** A last resort that always works, for input nothing else could be written for. */
export function composeFallback(conversation: Conversation): string {
  const lines = [
    'Could you tell me a little more about what has been on your mind?',
    'I am listening. What would you like to talk about?',
  ]
  return finish([lines[hash(String(conversation.seed)) % lines.length]!], conversation)
}

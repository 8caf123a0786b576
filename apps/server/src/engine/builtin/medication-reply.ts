import { finish } from './compose.js'
import type { Conversation } from './conversation.js'
import { MEDICATION_ANSWER } from './phrasebook.js'

/**
 * The reply to a question about taking medicine: no amounts, no yes or no to changing or
 * stopping it, only where the answer can safely come from (the prescriber or a pharmacist) and
 * what to do if too much has been taken already. A listener who guessed at a dose could do
 * real harm. A question that also signals an overdose gets the safety reply instead.
 */
export function composeMedicationReply(conversation: Conversation): string {
  return finish([...MEDICATION_ANSWER], conversation)
}

/**
 * Sentences the check-in replies always contain, so a later turn can recognise them. Kept apart
 * from `check-in.ts`, which needs the composer: strategy recognition must load without it.
 */

/** Every follow-up to a safety reply contains this. */
export const FOLLOW_UP_SIGNATURE = 'before we go on, I would like to check in with you'

/** Every check on an ambiguous "I can't do this anymore" contains this. */
export const DESPAIR_SIGNATURE = 'I want to ask you something directly'

import { tokenise } from './tokenise.js'

/**
 * Words for prescribed medicine, and the names of medicines most often prescribed for anxiety,
 * low mood, sleep and attention, generic and brand, so "my sertraline" reads as medication.
 */
const MEDICINE =
  '(?:meds|medication|medications|medicine|medicines|pills?|tablets?|capsules?|dose|doses|dosage|prescription|prescriptions|antidepressants?|ssris?|snris?|benzos?|sleeping pills?|sertraline|zoloft|fluoxetine|prozac|citalopram|celexa|escitalopram|lexapro|cipralex|paroxetine|paxil|seroxat|venlafaxine|effexor|duloxetine|cymbalta|mirtazapine|remeron|bupropion|wellbutrin|trazodone|amitriptyline|vortioxetine|lithium|quetiapine|seroquel|olanzapine|zyprexa|aripiprazole|abilify|risperidone|lamotrigine|lamictal|valproate|depakote|diazepam|valium|lorazepam|ativan|alprazolam|xanax|clonazepam|klonopin|zopiclone|zolpidem|ambien|propranolol|pregabalin|lyrica|gabapentin|methylphenidate|ritalin|concerta|adderall|lisdexamfetamine|vyvanse|elvanse|atomoxetine|melatonin|hydroxyzine)'

/**
 * Questions and decisions about taking medicine: how much, how often, whether to change, stop,
 * skip, double or mix it. Matched against the tokenised text.
 */
const MEDICATION_DECISIONS = [
  new RegExp(`\\bhow (?:many|much)\\b(?: \\S+){0,6} ${MEDICINE}\\b`),
  new RegExp(`\\b${MEDICINE}\\b(?: \\S+){0,6} (?:can|should|could|may|do) i (?:take|have|use)\\b`),
  new RegExp(
    `\\b(?:can|should|could|may|do|must) i (?:just )?(?:take|stop|quit|skip|double|increase|decrease|lower|raise|reduce|halve|change|switch|mix|combine|come off|go off|get off|drink on|drink with|crush|split)\\b(?: \\S+){0,6} ${MEDICINE}\\b`,
  ),
  new RegExp(
    `\\b(?:is it|it's|would it be) (?:ok|okay|safe|fine|bad|dangerous|alright|all right) to\\b(?: \\S+){0,8} ${MEDICINE}\\b`,
  ),
  new RegExp(
    `\\b(?:double|doubling|doubled|increase|increasing|increased|decrease|decreasing|decreased|lower|lowering|lowered|raise|raising|raised|reduce|reducing|reduced|halve|halving|halved|skip|skipping|skipped|change|changing|changed|up|upping|upped) (?:my |the |your )?${MEDICINE}\\b`,
  ),
  new RegExp(
    `\\b(?:stop|stopping|stopped|quit|quitting|come off|coming off|came off|go off|going off|went off|get off|getting off) (?:taking |using )?(?:my |the |all my |all the )?${MEDICINE}\\b`,
  ),
  new RegExp(
    `\\b${MEDICINE}\\b(?: \\S+){0,4} (?:with|and) (?:alcohol|drinking|beer|wine|weed|other ${MEDICINE})\\b`,
  ),
  new RegExp(`\\b(?:extra|another|more|an extra|a double|a higher|a lower) ${MEDICINE}\\b`),
]

/**
 * Whether a message asks about, or says the client is changing, how they take a medicine: how
 * much to take, whether to stop, skip, double or mix it. None of these is for a listener to
 * answer; the engine refers them to the prescriber.
 *
 * @example asksAboutMedication('should I double my dose?') // true
 * @example asksAboutMedication('I take my tablets every morning') // false
 */
export function asksAboutMedication(text: string): boolean {
  const flat = ` ${tokenise(text).join(' ')} `
  return MEDICATION_DECISIONS.some((pattern) => pattern.test(flat))
}

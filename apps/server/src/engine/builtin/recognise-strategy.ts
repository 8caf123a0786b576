import type { SupportStrategy } from '../../ports/persona-engine.js'
import {
  GREETINGS,
  IDENTITY_ANSWER,
  MEDICATION_ANSWER,
  SOCIAL_ANSWERS,
  TEMPLATES,
} from './phrasebook.js'
import { DESPAIR_SIGNATURE, FOLLOW_UP_SIGNATURE } from './check-in-signatures.js'
import { SAFETY_SIGNATURE } from './safety.js'
import { expand } from './style.js'

/** The shortest literal stretch of a template that may identify it. */
const MIN_SIGNATURE = 10

const signatures = new Map<string, string>()

/** The longest literal stretch of a template, in full forms: what every rendering of it keeps. */
export function signatureOf(text: string): string {
  let signature = signatures.get(text)

  if (signature === undefined) {
    signature = expand(text)
      .split(/\{\w+\}/)
      .map((part) => part.trim())
      .sort((a, b) => b.length - a.length)[0]!
    signatures.set(text, signature)
  }

  return signature
}

type Signature = [signature: string, strategy: SupportStrategy]

const TEMPLATE_SIGNATURES: Signature[] = Object.entries(TEMPLATES).flatMap(
  ([strategy, templates]) =>
    templates.map((template): Signature => [
      signatureOf(template.text),
      strategy as SupportStrategy,
    ]),
)

const SIGNATURES: Signature[] = [
  ...TEMPLATE_SIGNATURES,
  ...GREETINGS.map((template): Signature => [signatureOf(template.text), 'question']),
  ...SOCIAL_ANSWERS.map((template): Signature => [signatureOf(template.text), 'information']),
  [signatureOf(IDENTITY_ANSWER[0]), 'information'] satisfies Signature,
  [signatureOf(MEDICATION_ANSWER[0]), 'information'] satisfies Signature,
  [expand(SAFETY_SIGNATURE), 'information'] satisfies Signature,
  [expand(FOLLOW_UP_SIGNATURE), 'question'] satisfies Signature,
  [expand(DESPAIR_SIGNATURE), 'question'] satisfies Signature,
].filter(([signature]) => signature.length >= MIN_SIGNATURE)

/**
 * The strategy of a reply this engine wrote, read back from its wording, so the engine needs
 * no memory of its own to avoid repeating itself. Null for replies it did not write.
 */
export function recogniseStrategy(reply: string): SupportStrategy | null {
  const text = expand(reply)
  let found: SupportStrategy | null = null
  let position = Infinity

  for (const [signature, strategy] of SIGNATURES) {
    const at = text.indexOf(signature)

    if (at >= 0 && at < position) {
      found = strategy
      position = at
    }
  }

  return found
}

/**
 * Whether a reply already used this template, so the next one can pick another.
 *
 * @param expandedReply the reply passed through `expand`
 */
export function usedTemplate(expandedReply: string, templateText: string): boolean {
  return expandedReply.includes(signatureOf(templateText))
}

import { riskReadings } from './risk-text.js'

/**
 * Words about death, injury, weapons, medicines and farewells, and about disappearing, not
 * existing, being a burden, giving things away or not being able to go on. Far broader than risk: most
 * messages with them are safe ("my grandad died", "my back hurts"), but none of them should be
 * met with praise or quoted back, in case a risk in them went unrecognised.
 */
const HARM_WORDS =
  /\b(?:die|dies|died|dying|dead|death|deaths|kill\w*|kms|suicid\w*|unaliv\w*|overdos\w*|od|pills?|tablets?|meds|medication|dose|rope|noose|ligature|knife|knives|gun|guns|weapons?|blades?|razors?|bleed\w*|blood\w*|hurt\w*|harm\w*|injur\w*|cut|cuts|cutting|burn|burning|wrists?|goodbyes?|farewell|funeral\w*|grave|stab\w*|shoot\w*|murder\w*|attack\w*|punch\w*|poison\w*|strangl\w*|revenge|hanging|jump off|walk into traffic|end it|no longer here|not be here|better off without|disappear\w*|vanish\w*|exist|existing|burden\w*|giv\w* away|gave away|my (?:things|stuff|belongings|possessions) away|do this anymore|do this any more|take it anymore|take it any more)\b/

/**
 * Whether a message touches on death, injury, weapons, medicine or farewells, disguised or
 * not, so the engine neither praises it, quotes it back, nor opens on a cheerful note.
 *
 * @example touchesOnHarm('I wrote letters to say goodbye') // true
 * @example touchesOnHarm('I went for a walk and it helped') // false
 */
export function touchesOnHarm(text: string): boolean {
  return riskReadings(text).some((reading) => HARM_WORDS.test(reading))
}

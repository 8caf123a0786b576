import type { RiskCategory } from '@smartsteps/contracts'

/**
 * One way of signalling risk, matched against a message read as lower-case words joined by
 * single spaces, with clause punctuation as words of its own (" i want to die . ").
 */
export interface RiskPattern {
  category: RiskCategory
  pattern: RegExp
  /** Counts only when the message also says this: a threat beside a weapon. */
  alongside?: RegExp
  /** Does not count when the message says this anywhere: "cut myself shaving". */
  unlessSaid?: RegExp
  /** Does not count when the words right after the match say this: "beat him at chess". */
  unlessFollowedBy?: RegExp
  /** Does not count when the words right before the match end like this: "it will hurt you". */
  unlessPrecededBy?: RegExp
}

/** What someone may say before acting: "I want to", "I'm going to", "thinking of". */
export const INTENT =
  "(?:want to|wanted to|going to|about to|will|i'll|could|might|should|feel like|felt like|thinking of|thinking about|think about|plan to|planning to|planned to|urge to|tempted to|ready to|swear i'll|need to|keep|kept|started|been)"

/** The speaker as the object: "myself", "my self". */
export const ME = '(?:my ?self|me self)'

/** Another person as the object of a threat: "him", "my boss", "that guy". */
export const PEOPLE =
  '(?:him|her|them|someone|somebody|anyone|anybody|everyone|everybody|people|you|(?:my|the|his|her|their|that|this|our) (?:boss|wife|husband|partner|ex|boyfriend|girlfriend|mom|mum|mother|dad|father|brother|sister|son|daughter|kids|child|baby|neighbou?r|friend|roommate|flatmate|teacher|coworker|colleague|manager|guy|man|woman|girl|boy|family|parents|stepdad|stepmom|stepmum|landlord|classmate|bully|bullies))'

/** Medicines as people name them when they talk about taking too many. */
export const PILLS =
  '(?:pills|tablets|meds|medication|medications|medicine|medicines|painkillers|sleeping pills|antidepressants|paracetamol|tylenol|aspirin|ibuprofen|insulin)'

/**
 * The phrase ends its clause: "I don't want to wake up" but not "... wake up early". The
 * reading is padded with a space at both ends and punctuation stands alone, so the end of a
 * clause is a space before punctuation, the end of the text, or a joining word.
 */
export const CLAUSE_ENDS =
  '(?= [.!?,;:]| $| (?:and|but|because|so|again|anymore|ever|tomorrow|in the morning)\\b)'

/**
 * Text analysis shared by the built-in persona engine and the session analysis: everything
 * here is local, deterministic and free of I/O.
 */
export { isCopingStatement } from './coping.js'
export {
  emptyScores,
  intensityOf,
  type MoodScores,
  NEGATIVE_MOODS,
  negativeEvidence,
  scoreEmotions,
  totalEvidenceOf,
} from './emotion-scores.js'
export { voicesDespair } from './despair.js'
export { touchesOnHarm } from './harm-words.js'
export { keyPhrase } from './key-phrase.js'
export { asksAboutMedication } from './medication.js'
export { isNegativeMood, moodOf, NEUTRAL_BELOW, withTopicHints } from './mood.js'
export { swapPronouns } from './pronouns.js'
export { instructsThePersona, isSafeToQuote, withoutLinksOrMarkup } from './quote-safety.js'
export { readText, type TextReading } from './read-text.js'
export { detectRisk } from './risk.js'
export { clip, salientSentences, sentenceSalience } from './salience.js'
export { splitSentences } from './sentences.js'
export { contentWords, similarity } from './similarity.js'
export { rankTechniques } from './technique-fit.js'
export { tokenise, words } from './tokenise.js'
export { detectTopics, TOPIC_DEFINITIONS, TOPICS, type Topic, type TopicMatch } from './topics.js'
export { moodOfTexts } from './transcript-mood.js'

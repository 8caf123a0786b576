/**
 * Session and progress analysis, computed locally from transcripts. The HTTP layer adds
 * identifiers and the report period; everything else of a SessionSummary or ProgressReport
 * comes from here.
 */
export {
  analyseProgress,
  type ProgressAnalysis,
  type ProgressInput,
  type ProgressSession,
} from './analyse-progress.js'
export {
  type SessionAnalysis,
  type SessionSummaryInput,
  summariseSession,
} from './summarise-session.js'

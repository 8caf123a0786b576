import { readFile } from 'node:fs/promises'

import { z } from 'zod'

/** The seeker's self-rated emotion intensity, 1 to 5; absent or blank means not rated. */
const IntensitySchema = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z.coerce.number().int().min(1).max(5).optional(),
)

const TurnSchema = z.object({ speaker: z.string(), content: z.string() })

/** Only the fields the replay reads; the rest of each record is ignored. */
const RecordSchema = z.object({
  emotion_type: z.string().min(1),
  problem_type: z.string().min(1),
  survey_score: z
    .object({
      seeker: z
        .object({
          initial_emotion_intensity: IntensitySchema,
          final_emotion_intensity: IntensitySchema,
        })
        .default({}),
    })
    .default({ seeker: {} }),
  dialog: z.array(TurnSchema),
})

const DatasetSchema = z.array(RecordSchema)

export type Turn = z.infer<typeof TurnSchema>

/** One conversation as the replay uses it: labels, the seeker's turns and the survey. */
export interface Conversation {
  /** 1-based position in the data file, the only way the report names a conversation. */
  index: number
  emotionType: string
  problemType: string
  seekerTurns: string[]
  initialIntensity: number | null
  finalIntensity: number | null
}

/** The help-seeker's turns in order, trimmed, with empty ones left out. */
export function extractSeekerTurns(dialog: readonly Turn[]): string[] {
  return dialog
    .filter((turn) => turn.speaker === 'speaker')
    .map((turn) => turn.content.trim())
    .filter((content) => content.length > 0)
}

export function parseDataset(json: unknown): Conversation[] {
  return DatasetSchema.parse(json).map((record, position) => ({
    index: position + 1,
    emotionType: record.emotion_type,
    problemType: record.problem_type,
    seekerTurns: extractSeekerTurns(record.dialog),
    initialIntensity: record.survey_score.seeker.initial_emotion_intensity ?? null,
    finalIntensity: record.survey_score.seeker.final_emotion_intensity ?? null,
  }))
}

/** Reads the ESConv-format file at run time; the data is never bundled with the tool. */
export async function loadDataset(path: string): Promise<Conversation[]> {
  return parseDataset(JSON.parse(await readFile(path, 'utf8')))
}

import { z } from 'zod'

/**
 * The moods the analysis and the persona engine recognise. The negative labels follow the
 * emotions help-seekers name most often for themselves in emotional-support conversations.
 */
export const MOODS = [
  'depression',
  'sadness',
  'anxiety',
  'fear',
  'anger',
  'disgust',
  'shame',
  'joy',
  'neutral',
] as const

export const MoodSchema = z.enum(MOODS).meta({ id: 'Mood' })

export const MoodAnalysisSchema = z
  .object({
    primary: MoodSchema,
    secondary: MoodSchema.nullable(),
    confidence: z
      .number()
      .min(0)
      .max(1)
      .meta({ description: 'Share of the emotional evidence behind `primary`, 0 to 1' }),
  })
  .meta({ id: 'MoodAnalysis' })

export const RiskCategorySchema = z
  .enum(['self_harm', 'harm_to_others'])
  .meta({ id: 'RiskCategory' })

export const RiskFlagSchema = z
  .object({
    flagged: z.boolean(),
    categories: z.array(RiskCategorySchema),
    first_flagged_at: z.string().nullable(),
    message_ids: z
      .array(z.string())
      .meta({ description: 'Client messages that signalled risk, oldest first (at most 20)' }),
  })
  .meta({
    id: 'RiskFlag',
    description:
      'Set when a client message signals risk of self-harm or of harming others. It never clears by itself: a facilitator must review the session.',
  })

export type Mood = z.infer<typeof MoodSchema>
export type MoodAnalysis = z.infer<typeof MoodAnalysisSchema>
export type RiskCategory = z.infer<typeof RiskCategorySchema>
export type RiskFlag = z.infer<typeof RiskFlagSchema>

import { z } from 'zod'

import { DateSchema } from './common.js'
import { ClientIdSchema, SessionIdSchema } from './ids.js'
import { MoodAnalysisSchema, RiskFlagSchema } from './mood.js'

export const SessionSummarySchema = z
  .object({
    session_id: SessionIdSchema,
    summary: z.string(),
    key_points: z.array(z.string()).meta({ description: 'What the client said that matters most' }),
    mood_analysis: MoodAnalysisSchema,
    recommended_focus_areas: z
      .array(z.string())
      .meta({ description: "Techniques of the session's persona that fit what the client raised" }),
    risk: RiskFlagSchema,
  })
  .meta({ id: 'SessionSummary' })

export const ProgressRequestSchema = z
  .strictObject({
    start_date: DateSchema.optional().meta({
      description: 'First day included; default: no bound',
    }),
    end_date: DateSchema.optional().meta({ description: 'Last day included; default: today' }),
    focus_areas: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
  })
  .refine((body) => !body.start_date || !body.end_date || body.start_date <= body.end_date, {
    message: 'start_date must not be after end_date',
    path: ['start_date'],
  })
  .meta({ id: 'ProgressRequest' })

export const METRIC_DESCRIPTIONS = {
  negative_emotion_intensity:
    'Mean intensity of negative emotion in the client messages of a session, 0 (none) to 10 (overwhelming). Lower is better.',
  positive_emotion_ratio:
    'Share of emotionally coloured client messages whose emotion is positive, 0 to 100 (%). Higher is better.',
  coping_statement_rate:
    'Client statements of coping, planning or trying something, per 10 client messages, 0 to 10. Higher is better.',
  engagement:
    'Mean number of words per client message, capped at 100. Higher means the client opens up more.',
} as const

export type MetricName = keyof typeof METRIC_DESCRIPTIONS

export const MetricSchema = z
  .object({
    trend: z.enum(['improving', 'worsening', 'stable', 'insufficient_data']),
    start_value: z.number().nullable(),
    current_value: z.number().nullable(),
    change_percentage: z.number().nullable().meta({
      description: 'Change from start to current in % of start; null when start is 0 or unknown',
    }),
  })
  .meta({ id: 'ProgressMetric' })

export const ProgressReportSchema = z
  .object({
    client_id: ClientIdSchema,
    report_period: z.object({ start: DateSchema.nullable(), end: DateSchema }),
    sessions_analyzed: z.number().int().min(0),
    progress_summary: z.string(),
    metrics: z
      .object(
        Object.fromEntries(
          Object.entries(METRIC_DESCRIPTIONS).map(([name, description]) => [
            name,
            MetricSchema.meta({ description }),
          ]),
        ) as Record<MetricName, typeof MetricSchema>,
      )
      .meta({
        description: 'Each metric is measured per completed session, first to last in the period',
      }),
    patterns: z.array(z.object({ description: z.string(), confidence: z.number().min(0).max(1) })),
    recommendations: z.array(z.string()),
  })
  .meta({ id: 'ProgressReport' })

export type SessionSummary = z.infer<typeof SessionSummarySchema>
export type ProgressRequest = z.infer<typeof ProgressRequestSchema>
export type ProgressMetric = z.infer<typeof MetricSchema>
export type ProgressReport = z.infer<typeof ProgressReportSchema>

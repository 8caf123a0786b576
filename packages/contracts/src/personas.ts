import { z } from 'zod'

import { PersonaIdSchema } from './ids.js'

const Unit = z.number().min(0).max(1)

export const PersonaSummarySchema = z
  .object({
    persona_id: PersonaIdSchema,
    name: z.string().meta({ example: 'Dr. Morgan Hayes' }),
    type: z.string().meta({ example: 'therapist' }),
    specialization: z.string().meta({ example: 'cognitive_behavioral' }),
    description: z.string(),
  })
  .meta({ id: 'PersonaSummary' })

export const PersonaSchema = PersonaSummarySchema.extend({
  background: z.string(),
  approach: z.string(),
  techniques: z.array(z.string()),
  suitable_for: z.array(z.string()),
  avatar_url: z.string(),
  voice_settings: z.object({
    pitch: z.number().min(-1).max(1).meta({ description: 'Relative pitch, -1 low to 1 high' }),
    rate: z.number().min(0.5).max(2).meta({ description: 'Speech rate, 1 is normal' }),
    style: z.string().meta({ example: 'warm' }),
  }),
  communication_style: z
    .object({ formality: Unit, directiveness: Unit, warmth: Unit, complexity: Unit })
    .meta({ description: 'Each from 0 (least) to 1 (most); drives the wording of replies.' }),
}).meta({ id: 'Persona' })

/**
 * The file a persona is defined in: the public persona plus `technique_guides`, for every
 * technique the persona lists at least one suggestion the built-in engine may offer.
 */
export const PersonaFileSchema = z
  .strictObject({
    ...PersonaSchema.shape,
    techniques: z.array(z.string().min(2).max(100)).min(1).max(30),
    technique_guides: z.record(z.string(), z.array(z.string().min(10).max(600)).min(1).max(20)),
  })
  .superRefine((file, ctx) => {
    for (const technique of file.techniques) {
      if (!file.technique_guides[technique]) {
        ctx.addIssue({
          code: 'custom',
          path: ['technique_guides', technique],
          message: `technique "${technique}" has no guide`,
        })
      }
    }
  })

export const PersonaListSchema = z
  .object({ personas: z.array(PersonaSummarySchema) })
  .meta({ id: 'PersonaList' })

export type PersonaSummary = z.infer<typeof PersonaSummarySchema>
export type Persona = z.infer<typeof PersonaSchema>
export type PersonaFile = z.infer<typeof PersonaFileSchema>

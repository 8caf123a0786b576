import { z } from 'zod'

export const HealthSchema = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    version: z.string(),
    uptime_seconds: z.number(),
    checks: z.object({
      storage: z.object({
        status: z.enum(['ok', 'failing']),
        latency_ms: z.number().nullable(),
      }),
    }),
  })
  .meta({ id: 'Health' })

export type Health = z.infer<typeof HealthSchema>

import { z } from 'zod'

export const TimestampSchema = z.iso
  .datetime({ offset: true })
  .meta({ description: 'RFC 3339 date-time', example: '2026-05-11T15:30:00.000Z' })

export const DateSchema = z.iso.date().meta({ description: 'Calendar date', example: '1990-04-21' })

const METADATA_MAX_DEPTH = 5

function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') {
    return 0
  }

  const children = Object.values(value as Record<string, unknown>)
  return 1 + (children.length ? Math.max(...children.map(depthOf)) : 0)
}

/** Free-form caller data kept with a record; bounded so one record stays small. */
export const MetadataSchema = z
  .record(z.string().min(1).max(100), z.unknown())
  .refine((value) => Object.keys(value).length <= 50, 'at most 50 keys')
  .refine(
    (value) => depthOf(value) <= METADATA_MAX_DEPTH,
    `at most ${METADATA_MAX_DEPTH} levels deep`,
  )
  .refine((value) => JSON.stringify(value).length <= 16_384, 'at most 16 KiB as JSON')
  .meta({
    id: 'Metadata',
    description: 'Free-form JSON object: at most 50 keys, 5 levels deep and 16 KiB as JSON.',
  })

export const PageQuerySchema = z.object({
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(1)
    .meta({ param: { name: 'page', in: 'query' }, description: '1-based page number' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .meta({ param: { name: 'limit', in: 'query' }, description: 'Items per page, 1 to 100' }),
})

export const PaginationSchema = z
  .object({
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    page_size: z.number().int().min(1),
    pages: z.number().int().min(0),
  })
  .meta({ id: 'Pagination' })

export type Pagination = z.infer<typeof PaginationSchema>

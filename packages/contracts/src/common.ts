import { z } from 'zod'

export const TimestampSchema = z.iso
  .datetime({ offset: true })
  .meta({ description: 'RFC 3339 date-time', example: '2026-05-11T15:30:00.000Z' })

export const DateSchema = z.iso.date().meta({ description: 'Calendar date', example: '1990-04-21' })

const METADATA_MAX_DEPTH = 5

/**
 * Whether a parsed JSON value nests objects or arrays deeper than `maxDepth`. Walks with its own
 * stack and stops at the first container past the limit, so a body nested thousands of levels
 * deep costs no more than one `maxDepth` levels deep and can never overflow the call stack.
 */
function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }]

  while (pending.length > 0) {
    const { value: current, depth } = pending.pop()!

    if (current === null || typeof current !== 'object') {
      continue
    }

    if (depth + 1 > maxDepth) {
      return true
    }

    for (const child of Object.values(current)) {
      pending.push({ value: child, depth: depth + 1 })
    }
  }

  return false
}

/**
 * Free-form caller data kept with a record; bounded so one record stays small. The checks abort
 * in order: the size check serialises the value, which must not be tried on one too deep.
 */
export const MetadataSchema = z
  .record(z.string().min(1).max(100), z.unknown())
  .refine((value) => Object.keys(value).length <= 50, { message: 'at most 50 keys', abort: true })
  .refine((value) => !nestsDeeperThan(value, METADATA_MAX_DEPTH), {
    message: `at most ${METADATA_MAX_DEPTH} levels deep`,
    abort: true,
  })
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

import { z } from 'zod'

/** How long a deprecated operation keeps working, at least, after its deprecation is announced. */
export const DEPRECATION_SUPPORT_MONTHS = 12

function monthsLater(date: string, months: number): string {
  const later = new Date(`${date}T00:00:00Z`)
  later.setUTCMonth(later.getUTCMonth() + months)
  return later.toISOString().slice(0, 10)
}

/**
 * One operation on its way out. Deprecated operations answer with `X-API-Warning: This endpoint
 * is deprecated`, `Deprecation` (RFC 9745) and `Sunset` (RFC 8594), and are marked
 * `deprecated: true` in the OpenAPI document.
 */
export const DeprecationSchema = z
  .strictObject({
    since: z.iso.date().meta({ description: 'When the deprecation was announced' }),
    sunset: z.iso.date().meta({ description: 'After this day the operation may be removed' }),
    replacement: z
      .string()
      .regex(/^(GET|POST|PUT|PATCH|DELETE) \/\S*$/)
      .optional()
      .meta({ description: 'The operation to use instead', example: 'GET /api/v2/clients' }),
  })
  .refine(
    (entry) => entry.sunset >= monthsLater(entry.since, DEPRECATION_SUPPORT_MONTHS),
    `sunset must be at least ${DEPRECATION_SUPPORT_MONTHS} months after since (deprecation policy)`,
  )
  .meta({ id: 'Deprecation' })

export type Deprecation = z.infer<typeof DeprecationSchema>

/** Deprecated operations keyed `"METHOD /path"`, the path written as in the OpenAPI document. */
export type Deprecations = Readonly<Record<string, Deprecation>>

/**
 * Every deprecated operation of the API. SDKs may read it to warn before a call; the server
 * sends the deprecation headers and documents the operations from it.
 *
 * @example
 * // An entry, once there is one to make:
 * // 'GET /api/v1/clients/{client_id}/notes': {
 * //   since: '2026-07-01',
 * //   sunset: '2027-07-01',
 * //   replacement: 'GET /api/v1/notes',
 * // },
 */
export const DEPRECATIONS: Deprecations = Object.freeze({})

import { z } from 'zod'

/** Exactly as browsers send the Origin header: lower case, no path, no default port. */
function isOrigin(text: string): boolean {
  try {
    const url = new URL(text)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text
  } catch {
    return false
  }
}

const OriginSchema = z.string().refine((text) => text === '*' || isOrigin(text), {
  error:
    'must be an origin as browsers send it, e.g. https://app.example.org (lower case, no path or trailing slash), or "*"',
})

/**
 * `security.cors`: which browser origins may read API responses. Empty by default, so only
 * same-origin pages (the docs) can; `"*"` admits every origin and is refused together with
 * credentials, which browsers would refuse anyway.
 */
export const CorsSchema = z
  .strictObject({
    allowed_origins: z.array(OriginSchema).max(100).default([]),
    allow_credentials: z.boolean().default(false),
    max_age_seconds: z.number().int().min(0).max(86_400).default(600),
  })
  .refine((cors) => !(cors.allow_credentials && cors.allowed_origins.includes('*')), {
    error: 'cannot be true while allowed_origins holds "*"; list the origins instead',
    path: ['allow_credentials'],
  })
  .prefault({})

export type CorsConfig = z.infer<typeof CorsSchema>

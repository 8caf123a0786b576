import { z } from 'zod'

/**
 * `security.headers`: sent on every HTTP response, keyed by header name as in the reference.
 * Each may be changed, none removed; HSTS is turned off the standard way, with `max-age=0`.
 */
export const SecurityHeadersSchema = z
  .strictObject({
    'Content-Security-Policy': z.string().min(1).default("default-src 'self'"),
    'X-Content-Type-Options': z.literal('nosniff').default('nosniff'),
    'X-Frame-Options': z.enum(['DENY', 'SAMEORIGIN']).default('DENY'),
    // The reference's "1; mode=block" switched on the XSS auditor, which browsers have removed
    // and which itself let pages leak cross-site data; "0" is the advice of OWASP and MDN.
    'X-XSS-Protection': z
      .literal('0', {
        error:
          'must be "0": the XSS auditor that "1; mode=block" enabled is gone from browsers and could be abused to leak data; the Content-Security-Policy protects instead',
      })
      .default('0'),
    'Strict-Transport-Security': z
      .string()
      .regex(/^max-age=\d+(; ?includeSubDomains)?(; ?preload)?$/, {
        error: 'must look like "max-age=31536000; includeSubDomains"',
      })
      .default('max-age=31536000; includeSubDomains'),
    'Referrer-Policy': z
      .enum(['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'])
      .default('strict-origin-when-cross-origin'),
  })
  .prefault({})

export type SecurityHeadersConfig = z.infer<typeof SecurityHeadersSchema>

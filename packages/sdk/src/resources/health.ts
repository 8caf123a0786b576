import { type Health, HealthSchema } from '@smartsteps/contracts'

import type { Transport } from '../http/transport.js'

/** The server's liveness and storage check; `status: 'unavailable'` when its store fails. */
export function readHealth(http: Transport): Promise<Health> {
  return http.request({
    method: 'GET',
    path: '/api/health',
    schema: HealthSchema,
    authenticated: false,
    alsoSuccessful: [503],
  })
}

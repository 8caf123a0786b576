import { newId } from './ids.js'

const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/

/**
 * The id a request is known by in answers and logs: a sane incoming X-Request-Id is kept, so
 * calls can be traced across services; anything else gets a fresh one.
 */
export function requestIdFor(incoming: string | undefined): string {
  return incoming && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : newId('request')
}

import type { SmartStepsError } from '../errors/index.js'

/** What the transport asks for the Authorization header of each request. */
export interface Authorizer {
  /** The bearer credential to send now; null sends none. */
  bearer(): Promise<string | null>
  /**
   * Called once per request after a 401 (`refusal`, with its reason) answered `failed`: true
   * when a retry with a newer credential makes sense (a refreshed access token, or a new login
   * from the credentials kept), false to give the 401 to the caller.
   */
  recover(failed: string, refusal: SmartStepsError): Promise<boolean>
}

/** An API key (or any credential the SDK cannot renew), sent as is. */
export function staticBearer(credential: string): Authorizer {
  return {
    bearer: async () => credential,
    recover: async () => false,
  }
}

import type { RealtimeErrorCode } from '@smartsteps/contracts'

/** An `error` frame: the server refused a realtime call, or a persona reply failed. */
export class SmartStepsRealtimeError extends Error {
  override readonly name = 'SmartStepsRealtimeError'
  readonly code: RealtimeErrorCode
  /** The id of the frame that failed; null when the error answers no frame. */
  readonly frameId: string | null

  constructor(code: RealtimeErrorCode, message: string, frameId: string | null) {
    super(message)
    this.code = code
    this.frameId = frameId
  }
}

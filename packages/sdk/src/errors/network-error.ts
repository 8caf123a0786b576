/**
 * No answer came back: the server could not be reached, the connection dropped, or a realtime
 * socket closed before answering a call. Whether the request took effect is unknown, so only
 * repeat requests that are safe to repeat (reads, and messages with their client_message_id).
 */
export class SmartStepsNetworkError extends Error {
  override readonly name = 'SmartStepsNetworkError'

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}

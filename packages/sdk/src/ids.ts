/** A fresh idempotency key for a message: a UUID fits ClientMessageIdSchema (1-64 of [A-Za-z0-9_-]). */
export function newClientMessageId(): string {
  return crypto.randomUUID()
}

export interface LoadMessage {
  room: number
  index: number
  /** performance.now() in the load process when the message was sent, in milliseconds. */
  sentAt: number
}

const PATTERN = /^ws-load room=(\d+) index=(\d+) sent_at=(\d+(?:\.\d+)?)$/

/**
 * The text of one load message. It carries its own send time, so a receiver in the same process
 * can compute the latency without any table shared between sockets.
 */
export function encodeContent(message: LoadMessage): string {
  return `ws-load room=${message.room} index=${message.index} sent_at=${message.sentAt.toFixed(3)}`
}

/** The message a text encodes, or null for any other text. */
export function decodeContent(content: string): LoadMessage | null {
  const match = PATTERN.exec(content)

  if (!match) {
    return null
  }

  return { room: Number(match[1]), index: Number(match[2]), sentAt: Number(match[3]) }
}

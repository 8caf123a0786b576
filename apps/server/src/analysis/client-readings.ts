import type { Message } from '@smartsteps/contracts'

import { readText, type TextReading } from '../language/index.js'

export interface ClientReading {
  message: Message
  reading: TextReading
}

/** The client's messages of a transcript, each read once, in the order they were sent. */
export function readClientMessages(messages: Message[]): ClientReading[] {
  return messages
    .filter((message) => message.sender_type === 'client')
    .map((message) => ({ message, reading: readText(message.content) }))
}

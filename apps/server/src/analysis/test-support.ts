import type { Message } from '@smartsteps/contracts'

let counter = 0

/** A transcript alternating the client's lines with a persona's short answers. */
export function transcript(lines: string[], sessionId = 'ses_test'): Message[] {
  return lines.flatMap((line) => [
    toMessage(line, 'client', sessionId),
    toMessage('Tell me more about that.', 'persona', sessionId),
  ])
}

export function toMessage(
  content: string,
  senderType: Message['sender_type'],
  sessionId = 'ses_test',
): Message {
  counter++
  return {
    id: `msg_${String(counter).padStart(6, '0')}`,
    session_id: sessionId,
    sender_type: senderType,
    sender_id: senderType,
    content,
    timestamp: new Date(Date.UTC(2026, 0, 1, 10, 0, counter)).toISOString(),
  }
}

/** Three sessions of a client who gets better: less distress, more coping, more hope. */
export const GETTING_BETTER = [
  [
    'hi',
    'I lost my job last month and I am terrified I will never find another one.',
    'I cannot sleep, I lie awake worrying about rent and bills.',
    'I feel hopeless and so stressed all the time.',
    'My partner is supportive but I feel like a failure.',
  ],
  [
    'hello',
    'This week was a bit better, though I still worry about money.',
    'I updated my CV and applied for two jobs.',
    'I went for a walk most days and it helped.',
  ],
  [
    'hi!',
    'I got an interview next week and I am actually excited.',
    'I have been sleeping better and I feel calmer.',
    'I will prepare my answers with my partner on Sunday.',
  ],
]
